"""`make bench`: measures understanding quality, language decision, extraction and speed; writes REPORT.md."""
