// @vitest-environment jsdom
// A required select or date field is announced as required: antd 5 leaves aria-required on the outer <div>
// (ant-design#46030); src/antd-aria.ts moves it to the input a screen reader focuses.
import { act } from "react";
import { createRoot } from "react-dom/client";
import { DatePicker, Form, Radio, Select } from "antd";
import { afterEach, expect, test } from "vitest";
import { watchAriaRequired } from "../../src/antd-aria";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
// jsdom has no matchMedia; antd's breakpoint hook asks it
window.matchMedia ??= ((query: string) => ({
  matches: false, media: query, onchange: null, addListener() {}, removeListener() {},
  addEventListener() {}, removeEventListener() {}, dispatchEvent: () => false,
})) as typeof window.matchMedia;
afterEach(() => { document.body.innerHTML = ""; });

test("a required Select, DatePicker and Radio.Group carry aria-required where assistive technology reads it", async () => {
  const host = document.createElement("div");
  document.body.append(host);
  watchAriaRequired(document.body);
  await act(async () => {
    createRoot(host).render(
      <Form>
        <Form.Item name="team" label="Team" rules={[{ required: true }]}><Select options={[{ value: 1, label: "A" }]} /></Form.Item>
        <Form.Item name="day" label="Day" rules={[{ required: true }]}><DatePicker /></Form.Item>
        <Form.Item name="gender" label="Gender" rules={[{ required: true }]}><Radio.Group options={["f", "m"]} /></Form.Item>
      </Form>,
    );
  });
  await act(async () => { await new Promise((r) => setTimeout(r, 0)); });
  expect(document.querySelectorAll(".ant-select[aria-required], .ant-picker[aria-required]")).toHaveLength(0);
  expect(document.querySelector(".ant-select input")?.getAttribute("aria-required")).toBe("true");
  expect(document.querySelector(".ant-picker input")?.getAttribute("aria-required")).toBe("true");
  expect(document.querySelector(".ant-radio-group")?.getAttribute("role")).toBe("radiogroup");
}, 60_000); // antd in jsdom on a busy 2-core machine
