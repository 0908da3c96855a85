// convene: small progressive enhancements. Every form works without this file.
//
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
