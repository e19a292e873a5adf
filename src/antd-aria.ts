// antd 5 hands a required Form.Item's `aria-required` to its control's outer <div> (Select, DatePicker,
// Radio.Group), where it means nothing to a screen reader and axe reports it (aria-allowed-attr, critical):
// ant-design/ant-design#46030 and #49508, fixed only in antd 6. Until then this moves it where it belongs —
// the combobox or text input inside; a radio group is given the radiogroup role that carries it.
const OUTER = ".ant-select[aria-required], .ant-picker[aria-required], .ant-radio-group[aria-required]:not([role])";

function fixOne(el: Element) {
  if (el.classList.contains("ant-radio-group")) {
    el.setAttribute("role", "radiogroup");
    return;
  }
  el.querySelector("input")?.setAttribute("aria-required", el.getAttribute("aria-required") ?? "true");
  el.removeAttribute("aria-required");
}

function fix(root: Element) {
  if (root.matches(OUTER)) fixOne(root);
  root.querySelectorAll(OUTER).forEach(fixOne);
}

export function watchAriaRequired(root: HTMLElement = document.body) {
  fix(root);
  new MutationObserver((mutations) => {
    for (const m of mutations) {
      if (m.type === "attributes" && m.target instanceof Element) fix(m.target);
      else for (const n of m.addedNodes) if (n instanceof Element) fix(n);
    }
  }).observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ["aria-required"] });
}
