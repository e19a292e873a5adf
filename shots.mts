import { chromium } from "@playwright/test";
const base = "http://127.0.0.1:5173";
const [email, ...paths] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--force-prefers-reduced-motion"] });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: "zh-CN", reducedMotion: "reduce" });
const errors: string[] = [];
page.on("console", (m) => { if (m.type() === "error") errors.push(m.text().slice(0, 300)); });
page.on("pageerror", (e) => errors.push("PAGEERROR " + e.message.slice(0, 300)));
await page.goto(base + "/login");
await page.getByLabel("邮箱").fill(email);
await page.getByLabel("密码").fill("demo123456");
await page.getByRole("button", { name: /登\s?录/ }).click();
await page.getByTestId("current-user").waitFor();
for (const p of paths) {
  await page.goto(base + p);
  await page.waitForTimeout(3500);
  const name = `${email.split("@")[0]}${p.replace(/[\/?=&]/g, "_")}.png`;
  await page.screenshot({ path: `/tmp/shots/${name}`, fullPage: true });
  console.log("shot", name);
}
console.log(errors.join("\n"));
await browser.close();
