// The service form's long lists of councils and prisons stay checkboxes grouped by region, which
// work without JavaScript. With it, each list also gets a box to find one by typing (GOV.UK's
// accessible-autocomplete): choosing a name ticks its checkbox and opens its region, so what is
// chosen is always the checkboxes, and the form posts exactly as it does without JavaScript.
export async function initFindInList() {
  const lists = document.querySelectorAll("[data-find-in-list]");
  if (!lists.length) return;
  await import("../vendor/accessible-autocomplete.min.js");
  lists.forEach(enhance);
}

function enhance(list) {
  const boxes = new Map();
  list.querySelectorAll("input[type=checkbox][data-find-option]").forEach((box) => {
    boxes.set(list.querySelector(`label[for="${box.id}"]`).textContent.trim(), box);
  });
  const id = `${list.id}-find`;
  const wrapper = document.createElement("div");
  wrapper.className = "govuk-form-group govuk-!-margin-bottom-4";
  const label = document.createElement("label");
  label.className = "govuk-label";
  label.htmlFor = id;
  label.textContent = list.dataset.findInList;
  const hint = document.createElement("div");
  hint.className = "govuk-hint";
  hint.id = `${id}-hint`;
  hint.textContent = "Type a name, then choose it to tick it in the list below.";
  const container = document.createElement("div");
  const status = document.createElement("p");
  status.className = "govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-0";
  status.setAttribute("role", "status");
  wrapper.append(label, hint, container, status);
  list.querySelector("legend").after(wrapper);

  window.accessibleAutocomplete({
    element: container,
    id,
    name: "",
    source: (query, show) => {
      const typed = query.trim().toLowerCase();
      show([...boxes.keys()].filter((name) => name.toLowerCase().includes(typed)));
    },
    minLength: 2,
    showNoOptionsFound: true,
    tNoResults: () => "No match in the list",
    tStatusQueryTooShort: (n) => `Type ${n} or more letters to see names`,
    tStatusNoResults: () => "No match in the list",
    tStatusSelectedOption: (option, length, index) =>
      `${option} ${index + 1} of ${length} is highlighted`,
    tStatusResults: (length, contentSelectedOption) =>
      `${length} ${length === 1 ? "match" : "matches"} found. ${contentSelectedOption}`,
    tAssistiveHint: () =>
      "When there are matches, use up and down arrows to look at them and enter to choose one.",
    onConfirm: (chosen) => {
      const box = chosen && boxes.get(chosen);
      if (!box) return;
      box.checked = true;
      for (let node = box; node && node !== list; node = node.parentElement) {
        if (node.tagName === "DETAILS") node.open = true;
      }
      status.textContent = `${chosen} is ticked.`;
    },
  });
  const input = container.querySelector("input");
  const described = input.getAttribute("aria-describedby") || "";
  input.setAttribute("aria-describedby", `${hint.id} ${described}`.trim());
}
