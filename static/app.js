// convene: small progressive enhancements. Every form works without this file.

// Says that the enhancements run (the browser tests tell their two modes apart by it).
document.documentElement.classList.add("js");

// A form with data-swap="closest-row" is sent in the background and the table row
// it sits in is replaced by the row the server returns, so a status changes in one
// click without reloading the list.
document.addEventListener("submit", async (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || form.dataset.swap !== "closest-row") return;
  const row = form.closest("tr");
  if (!row) return;
  event.preventDefault();
  const button = form.querySelector("button[type=submit]");
  if (button) button.disabled = true;
  try {
    const response = await fetch(form.action, {
      method: "POST",
      body: new URLSearchParams(new FormData(form)),
      headers: { "X-Partial": "row" },
      credentials: "same-origin",
    });
    const html = await response.text();
    if (response.ok) {
      const template = document.createElement("template");
      template.innerHTML = html.trim();
      const replacement = template.content.firstElementChild;
      if (replacement) row.replaceWith(replacement);
    } else {
      // Show the server's error page rather than failing silently.
      document.open();
      document.write(html);
      document.close();
    }
  } finally {
    if (button) button.disabled = false;
  }
});

// Agenda editor: a move button (data-swap="agenda") is sent in the background and the
// renumbered agenda replaces the old one.
document.addEventListener("submit", async (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || form.dataset.swap !== "agenda") return;
  const tree = document.getElementById("agenda-editor");
  if (!tree) return;
  event.preventDefault();
  const response = await fetch(form.action, {
    method: "POST",
    body: new URLSearchParams(new FormData(form)),
    headers: { "X-Partial": "agenda" },
    credentials: "same-origin",
  });
  if (!response.ok) {
    // Without the swap, the plain form shows the server's answer.
    form.submit();
    return;
  }
  const template = document.createElement("template");
  template.innerHTML = (await response.text()).trim();
  const replacement = template.content.firstElementChild;
  if (replacement) tree.replaceWith(replacement);
});

// Live mode: poll the meeting's change stamp; when someone else changed it, reload,
// unless this person has typed something not yet saved, then say so instead.
(() => {
  const live = document.querySelector("[data-live-state]");
  if (!live) return;
  const unsaved = () =>
    [...live.querySelectorAll("textarea, input[type=text], input[type=date]")].some(
      (field) => field.value !== field.defaultValue,
    );
  setInterval(async () => {
    try {
      const response = await fetch(live.dataset.liveState, { credentials: "same-origin" });
      if (!response.ok) return;
      const state = await response.json();
      if (state.stamp === live.dataset.stamp) return;
      if (unsaved()) {
        const banner = live.querySelector(".live-banner");
        if (banner) banner.hidden = false;
      } else {
        window.location.reload();
      }
    } catch {
      // Offline for a moment: the next poll tries again.
    }
  }, 3000);
})();
