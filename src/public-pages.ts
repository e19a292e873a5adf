// Pages anyone may open (email links land here; 公示 is public), and the title each gives the browser tab.
// App.tsx titles the tab from it; main.tsx opens these in the app for someone signed out (every other
// path shows such a visitor the sign-in form first). A new public route of App.tsx belongs here too.
export const PUBLIC_TITLES: Record<string, string> = {
  "/login": "pages.login.title",
  "/forgot-password": "auth.forgotTitle",
  "/reset-password": "auth.resetTitle",
  "/accept-invite": "auth.acceptTitle",
  "/notice": "publicNotice.title",
};
