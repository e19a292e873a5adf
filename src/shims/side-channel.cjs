// Stands in for the side-channel package inside qs (Refine's query strings; vite.config.ts: SHIMS): the same
// API over the browser's own WeakMap and Map. The package brought object-inspect, get-intrinsic and a dozen
// polyfill helpers (about 10 kB gzip) to every signed-in page, for engines without WeakMap.
"use strict";

module.exports = function getSideChannel() {
  var objects = new WeakMap();
  var others = new Map();
  var storeOf = function (key) {
    return key !== null && (typeof key === "object" || typeof key === "function") ? objects : others;
  };
  var channel = {
    assert: function (key) {
      if (!channel.has(key)) {
        throw new TypeError("Side channel does not contain " + (Object(key) === key ? "the given object key" : String(key)));
      }
    },
    delete: function (key) {
      return storeOf(key).delete(key);
    },
    get: function (key) {
      return storeOf(key).get(key);
    },
    has: function (key) {
      return storeOf(key).has(key);
    },
    set: function (key, value) {
      storeOf(key).set(key, value);
    },
  };
  return channel;
};
