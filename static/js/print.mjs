// "Print this page" buttons: hidden in the page's markup (without JavaScript the page says how
// to print instead), shown and made to open the browser's print dialog here.
export function initPrintButtons(root = document) {
  for (const button of root.querySelectorAll('[data-module="app-print"]')) {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
  }
}
