module.exports = function (cfg) {
  cfg.addPassthroughCopy("src/img");
  return { dir: { input: "src", output: "_site" } };
};
