// Eleventy 3 project for the sitegen benchmark: posts, paginated home, one page
// per tag, a tag index and an Atom feed, with Nunjucks layouts.
module.exports = function (eleventyConfig) {
  eleventyConfig.addPassthroughCopy("style.css");

  const byDate = (a, b) => a.date - b.date || a.inputPath.localeCompare(b.inputPath);
  eleventyConfig.addCollection("posts", (api) => api.getFilteredByGlob("posts/*.md").sort(byDate));
  eleventyConfig.addCollection("tagList", (api) => {
    const seen = new Set();
    for (const item of api.getFilteredByGlob("posts/*.md")) {
      for (const tag of item.data.tags || []) seen.add(tag);
    }
    return [...seen].sort();
  });
  // Tag pages of 10 posts each (newest first), paginated over by tag.njk.
  eleventyConfig.addCollection("tagPages", (api) => {
    const byTag = new Map();
    for (const item of api.getFilteredByGlob("posts/*.md").sort(byDate).reverse()) {
      for (const tag of item.data.tags || []) {
        if (!byTag.has(tag)) byTag.set(tag, []);
        byTag.get(tag).push(item);
      }
    }
    const pages = [];
    for (const tag of [...byTag.keys()].sort()) {
      const items = byTag.get(tag);
      const total = Math.ceil(items.length / 10);
      for (let i = 0; i < total; i++) {
        pages.push({ tag, number: i + 1, total, items: items.slice(i * 10, i * 10 + 10) });
      }
    }
    return pages;
  });

  eleventyConfig.addFilter("ymd", (d) => new Date(d).toISOString().slice(0, 10));
  eleventyConfig.addFilter("iso", (d) => new Date(d).toISOString());
  eleventyConfig.addFilter("latest", (items, n) => items.slice(-n).reverse());
  const plain = (html) => String(html || "").replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim();
  // Automatic summary when the post has none: the first 60 words of its text.
  eleventyConfig.addFilter("excerpt", (html) => plain(html).split(" ").slice(0, 60).join(" ") + " …");
  // Search index in the same shape as sitegen's search-index.json.
  eleventyConfig.addFilter("searchIndex", (posts) =>
    JSON.stringify(posts.map((p) => ({
      t: p.data.title, u: p.url, d: p.date.toISOString().slice(0, 10), g: p.data.tags || [],
      s: p.data.summary || plain(p.content).split(" ").slice(0, 60).join(" "),
      x: plain(p.content).toLowerCase(),
    }))));

  return {
    dir: { input: ".", includes: "_includes", output: "_site" },
    templateFormats: ["md", "njk"],
    // The posts contain no template code, so Markdown is not run through a template engine first.
    markdownTemplateEngine: false,
    htmlTemplateEngine: "njk",
  };
};
