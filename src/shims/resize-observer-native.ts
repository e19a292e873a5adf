// Stands in for resize-observer-polyfill inside rc-resize-observer (antd's size watching; vite.config.ts: SHIMS):
// every browser this app supports has ResizeObserver (Chrome 64, Safari 13.1, Firefox 69), and the polyfill's
// own code was about 3 kB gzip on every page.
export default globalThis.ResizeObserver;
