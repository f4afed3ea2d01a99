// The GOV.UK timeout warning for signed-in users: a dialog a little before the session's idle
// limit, with "Stay signed in" (which counts as activity on the server) and a plain sign-out.
// When the time runs out, the browser goes to the "You have been signed out" page; the server
// signs the user out whether or not this runs, so without JavaScript nothing is lost but the
// warning.

function minutesAndSeconds(seconds) {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  const parts = [];
  if (minutes) parts.push(`${minutes} minute${minutes === 1 ? "" : "s"}`);
  if (rest || !minutes) parts.push(`${rest} second${rest === 1 ? "" : "s"}`);
  return parts.join(" ");
}

export function initTimeoutWarning(root = document) {
  const dialog = root.querySelector('[data-module="app-timeout-warning"]');
  if (!dialog || typeof dialog.showModal !== "function") return;
  const idle = Number(dialog.dataset.idleSeconds);
  if (!(idle > 0)) return;
  const warning = Math.min(Number(dialog.dataset.warningSeconds) || 0, idle);
  const countdown = dialog.querySelector("[data-countdown]");
  const stay = dialog.querySelector("[data-stay]");
  let warnTimer;
  let tick;
  let endsAt;

  const signOut = () => {
    const next = encodeURIComponent(window.location.pathname + window.location.search);
    window.location.assign(`${dialog.dataset.signedOutUrl}?next=${next}`);
  };

  const update = () => {
    const left = Math.max(0, Math.round((endsAt - Date.now()) / 1000));
    countdown.textContent = minutesAndSeconds(left);
    // A second's grace, so the server has surely timed the session out when we arrive.
    if (Date.now() >= endsAt + 1000) {
      clearInterval(tick);
      signOut();
    }
  };

  const start = () => {
    clearTimeout(warnTimer);
    clearInterval(tick);
    endsAt = Date.now() + idle * 1000;
    warnTimer = setTimeout(() => {
      update();
      dialog.showModal();
      stay.focus();
      tick = setInterval(update, 1000);
    }, (idle - warning) * 1000);
  };

  const staySignedIn = async () => {
    const response = await fetch(dialog.dataset.stayUrl, {
      method: "POST",
      headers: { "X-CSRFToken": dialog.dataset.csrfToken },
      credentials: "same-origin",
      redirect: "manual",
    });
    if (response.status !== 204) {
      signOut();
      return;
    }
    clearInterval(tick);
    dialog.close();
    start();
  };

  stay.addEventListener("click", staySignedIn);
  // Escape closes a GOV.UK timeout warning as if "Stay signed in" was chosen.
  dialog.addEventListener("cancel", (event) => {
    event.preventDefault();
    staySignedIn();
  });
  start();
}
