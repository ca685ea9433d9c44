/** Never download a browser: the tests use the Chromium and Firefox ESR installed on the machine (README). */
module.exports = { skipDownload: true };
