// "Print this page": its box is hidden in the page's markup (without JavaScript the page says
// how to print instead), and shown here with its button opening the browser's print dialog.
export function initPrintButtons(root = document) {
  for (const box of root.querySelectorAll('[data-module="app-print"]')) {
    box.hidden = false;
    box.querySelector("button").addEventListener("click", () => window.print());
  }
}
