/**
 * google.script.run for pages served by the playground: calls the bundle's global functions in the
 * emulator under Apps Script's rules (no Date objects across, failures to the failure handler).
 */
export const SHIM = `<script>
(function () {
  function hasDate(v) {
    if (v instanceof Date) return true;
    if (Array.isArray(v)) return v.some(hasDate);
    if (v && typeof v === 'object') return Object.keys(v).some(function (k) { return hasDate(v[k]); });
    return false;
  }
  function runner(success, failure, userObject) {
    return new Proxy({}, {
      get: function (_, prop) {
        if (prop === 'withSuccessHandler') return function (f) { return runner(f, failure, userObject); };
        if (prop === 'withFailureHandler') return function (f) { return runner(success, f, userObject); };
        if (prop === 'withUserObject') return function (o) { return runner(success, failure, o); };
        return function () {
          var args = Array.prototype.slice.call(arguments);
          var fail = function (message) { setTimeout(function () { if (failure) failure(new Error(message), userObject); }, 0); };
          if (hasDate(args)) return fail('Failed due to illegal value in argument: Date objects cannot be passed to the server.');
          fetch('/api/run', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ fn: String(prop), args: args }) })
            .then(function (r) { return r.json(); })
            .then(function (res) { if (res.ok) { if (success) success(res.value, userObject); } else fail(res.error); })
            .catch(function (e) { fail(String(e)); });
        };
      }
    });
  }
  window.google = { script: { run: runner(null, null, undefined), host: {
    close: function () { parent.postMessage({ type: 'host.close' }, '*'); },
    setHeight: function () {}, setWidth: function () {}, editor: { focus: function () {} }
  } } };
})();
</script>`;
