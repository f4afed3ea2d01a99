// An error summary's link may point at a field inside a closed "details" section (a region's
// council areas, say). Open the section first, so that the field the link focuses can be seen.
// Without JavaScript the page already opens the section that holds the first error.
export function initOpenDetailsForErrors() {
  document.addEventListener(
    "click",
    (event) => {
      const link = event.target.closest(".govuk-error-summary a[href^='#']");
      if (!link) return;
      const target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
      for (let node = target; node; node = node.parentElement) {
        if (node.tagName === "DETAILS") node.open = true;
      }
    },
    true,
  );
}
