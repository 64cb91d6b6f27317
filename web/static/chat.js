// The chat page: sends each message to Rasa's REST channel with the browser's language and the
// campaign source (?source=trade_show) as metadata, and shows the replies and their buttons.
(function () {
  // Page texts per language live in ui.json, beside the bot's own translations in domain.yml.
  const params = new URLSearchParams(window.location.search);
  const browserLanguage = params.get("lang") || navigator.language || "en";
  let ui = null;
  const senderKey = "leadqual.sender";
  const sender = localStorage.getItem(senderKey) || (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random());
  localStorage.setItem(senderKey, sender);

  const list = document.getElementById("messages");
  const form = document.getElementById("composer");
  const input = document.getElementById("input");
  const error = document.getElementById("error");
  async function localise() {
    const texts = await (await fetch("ui.json")).json();
    ui = texts[browserLanguage.slice(0, 2).toLowerCase()] || texts.en;
    document.documentElement.lang = browserLanguage.slice(0, 2);
    document.getElementById("title").textContent = ui.title;
    document.getElementById("send").textContent = ui.send;
    input.placeholder = ui.placeholder;
  }
  const ready = localise();

  function show(text, who) {
    const item = document.createElement("li");
    item.className = "msg msg--" + who;
    item.textContent = text;
    list.appendChild(item);
    list.scrollTop = list.scrollHeight;
  }

  function showButtons(buttons) {
    const row = document.createElement("li");
    row.className = "buttons";
    buttons.forEach(function (b) {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = b.title;
      button.addEventListener("click", function () { row.remove(); send(b.payload, b.title); });
      row.appendChild(button);
    });
    list.appendChild(row);
  }

  let rasaUrl = null;
  async function config() {
    if (!rasaUrl) rasaUrl = (await (await fetch("config.json")).json()).rasaUrl;
    return rasaUrl;
  }

  async function send(message, shown) {
    await ready;
    show(shown || message, "user");
    error.hidden = true;
    const metadata = { language: browserLanguage, channel: "web" };
    if (params.get("source")) metadata.source = params.get("source");
    try {
      const response = await fetch((await config()) + "/webhooks/rest/webhook", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ sender: sender, message: message, metadata: metadata }),
      });
      if (!response.ok) throw new Error("HTTP " + response.status);
      (await response.json()).forEach(function (reply) {
        if (reply.text) show(reply.text, "bot");
        if (reply.buttons && reply.buttons.length) showButtons(reply.buttons);
      });
    } catch (e) {
      error.textContent = ui.error;
      error.hidden = false;
    }
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    send(text);
  });
})();
