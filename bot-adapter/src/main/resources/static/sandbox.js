// The sandbox page: posts as a demo member and shows the channel as Warden left it, refreshed every 700 ms.
const TEXT = {
  en: {title: "Warden sandbox", intro: "A Discord-free playground: post as any member of the demo servers and watch Warden moderate live.",
       channel: "Channel", member: "Post as", message: "Message", send: "Send", feed: "Messages", deleted: "deleted by Warden",
       warden: "Warden", relayed: "webhook (censored repost or interserver relay)",
       hint: "Try a forbidden word (c h a t), an invite (discord.gg/abc), SHOUTING IN CAPITALS, or the lounge to see interserver relays.",
       failed: "Not sent: ",
       panel: "Open the web panel: sign in with the (fake) Discord as admin or moderator to see the logs, rules and settings."},
  fr: {title: "Bac à sable de Warden", intro: "Un terrain de jeu sans Discord : écrivez au nom de n'importe quel membre des serveurs de démonstration et regardez Warden modérer en direct.",
       channel: "Salon", member: "Écrire en tant que", message: "Message", send: "Envoyer", feed: "Messages", deleted: "supprimé par Warden",
       warden: "Warden", relayed: "webhook (republication censurée ou relais interserveur)",
       hint: "Essayez un mot interdit (c h a t), une invitation (discord.gg/abc), DES MAJUSCULES, ou le salon lounge pour voir les relais interserveur.",
       failed: "Non envoyé : ",
       panel: "Ouvrir le panneau web : connectez-vous avec le Discord (factice) en tant qu'admin ou moderator pour voir les journaux, règles et réglages."}
};
const lang = (navigator.language || "en").toLowerCase().startsWith("fr") ? "fr" : "en";
const t = key => TEXT[lang][key];
document.documentElement.lang = lang;
document.querySelectorAll("[data-i18n]").forEach(el => el.textContent = t(el.dataset.i18n));

const channelSelect = document.getElementById("channel");
const memberSelect = document.getElementById("member");
const feed = document.getElementById("feed");
const error = document.getElementById("error");
let world = [];

function option(value, label) {
  const o = document.createElement("option");
  o.value = value;
  o.textContent = label;
  return o;
}

function guildOf(channelId) {
  return world.find(g => g.channels.some(c => c.id === channelId));
}

function fillMembers() {
  const guild = guildOf(channelSelect.value);
  memberSelect.replaceChildren(...guild.members.map(m => option(m.id, m.name)));
}

async function load() {
  world = await (await fetch("/sandbox/world")).json();
  for (const g of world) {
    const group = document.createElement("optgroup");
    group.label = g.name;
    g.channels.forEach(c => group.appendChild(option(c.id, "#" + c.name)));
    channelSelect.appendChild(group);
  }
  fillMembers();
  refresh();
  setInterval(refresh, 700);
}

let shown = "";

async function refresh() {
  const text = await (await fetch("/sandbox/channels/" + channelSelect.value + "/messages")).text();
  const key = channelSelect.value + text;
  if (key === shown) return; // unchanged: keep the page still (and screen readers quiet)
  shown = key;
  const messages = JSON.parse(text);
  feed.replaceChildren(...messages.map(m => {
    const li = document.createElement("li");
    li.id = "m" + m.id;
    li.className = [m.deleted ? "deleted" : "", m.bot ? "warden" : "", m.webhook ? "webhook" : ""].join(" ").trim();
    const author = document.createElement("span");
    author.className = "author";
    author.textContent = m.author;
    const content = document.createElement("span");
    content.className = "content";
    content.textContent = m.content;
    li.append(author, content);
    const tag = m.deleted ? t("deleted") : m.webhook ? t("relayed") : null;
    if (tag) {
      const s = document.createElement("span");
      s.className = "tag";
      s.textContent = tag;
      li.appendChild(s);
    }
    return li;
  }));
}

channelSelect.addEventListener("change", () => { fillMembers(); refresh(); });
document.getElementById("composer").addEventListener("submit", async e => {
  e.preventDefault();
  error.textContent = "";
  const content = document.getElementById("content");
  const answer = await fetch("/sandbox/channels/" + channelSelect.value + "/messages", {
    method: "POST", headers: {"Content-Type": "application/json", "Accept-Language": lang},
    body: JSON.stringify({member: memberSelect.value, content: content.value})});
  if (!answer.ok) {
    const problem = await answer.json().catch(() => ({}));
    error.textContent = t("failed") + (problem.detail || answer.status);
    return;
  }
  content.value = "";
  refresh();
});
load();
