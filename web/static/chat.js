// The chat page: sends each message to Rasa's REST channel with the browser's language and the
// campaign source (?source=trade_show) as metadata, and shows the replies and their buttons.
(function () {
  const UI = {
    en: { title: "Chat with our sales team", placeholder: "Type your message…", send: "Send", error: "The assistant cannot be reached right now. Please try again in a moment." },
    fr: { title: "Discutez avec notre équipe commerciale", placeholder: "Écrivez votre message…", send: "Envoyer", error: "L'assistant est injoignable pour le moment. Réessayez dans un instant." },
    es: { title: "Hable con nuestro equipo comercial", placeholder: "Escriba su mensaje…", send: "Enviar", error: "El asistente no está disponible en este momento. Inténtelo de nuevo en un instante." },
    de: { title: "Chatten Sie mit unserem Vertriebsteam", placeholder: "Ihre Nachricht…", send: "Senden", error: "Der Assistent ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal." },
    it: { title: "Parli con il nostro team commerciale", placeholder: "Scriva il suo messaggio…", send: "Invia", error: "L'assistente non è raggiungibile in questo momento. Riprovi tra un istante." },
    pt: { title: "Fale com a nossa equipa comercial", placeholder: "Escreva a sua mensagem…", send: "Enviar", error: "O assistente não está disponível neste momento. Tente novamente daqui a pouco." },
  };
  const params = new URLSearchParams(window.location.search);
  const browserLanguage = params.get("lang") || navigator.language || "en";
  const ui = UI[browserLanguage.slice(0, 2).toLowerCase()] || UI.en;
  const senderKey = "leadqual.sender";
  const sender = localStorage.getItem(senderKey) || (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random());
  localStorage.setItem(senderKey, sender);

  const list = document.getElementById("messages");
  const form = document.getElementById("composer");
  const input = document.getElementById("input");
  const error = document.getElementById("error");
  document.documentElement.lang = browserLanguage.slice(0, 2);
  document.getElementById("title").textContent = ui.title;
  document.getElementById("send").textContent = ui.send;
  input.placeholder = ui.placeholder;

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
