// Eleventy as a peer for bench/run: the corpus (--input) rendered page by page through one minimal layout, with
// code highlighted at build time (Prism, through the official plugin) as ours highlights too.
// Run: node_modules/.bin/eleventy --config=eleventy.config.js --input=CORPUS/content --output=OUT --quiet
import syntaxHighlight from "@11ty/eleventy-plugin-syntaxhighlight";

const layout = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ title }} · bench</title></head>
<body>
<main>
<article>
<h1>{{ title }}</h1>
{{ content | safe }}
</article>
</main>
</body>
</html>
`;

export default function (eleventyConfig) {
  eleventyConfig.addPlugin(syntaxHighlight);
  // A virtual layout, so nothing has to be written into the corpus folder.
  eleventyConfig.addTemplate("_includes/bench.njk", layout);
  eleventyConfig.addGlobalData("layout", "bench.njk");
  return {
    // Markdown is Markdown: not run through Liquid first (the corpus has no template code; ours does not do that either).
    markdownTemplateEngine: false,
    htmlTemplateEngine: "njk",
  };
}
