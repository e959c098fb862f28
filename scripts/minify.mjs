// What the release build ships smaller, used by scripts/postbuild.mjs and
// checked by tests/e2e/postbuild.spec.mjs. esbuild (npm, a dev dependency)
// does the minifying; nothing else is rewritten.
import { transformSync } from 'esbuild';

/** A part's wasm-bindgen JS glue, minified: wasm-bindgen writes it with
 * comments and long names (40-47 KB), Trunk cannot minify it, and the
 * minified glue is about half (2 KB less gzip on every first load). ES2020
 * is what the glue already needs (README, "Which phones can open it"). */
export function minifyGlue(js) {
  return transformSync(js, { loader: 'js', format: 'esm', minify: true, target: 'es2020', legalComments: 'none' }).code;
}

/** index.html, smaller: its inline CSS minified (style.css's comments and
 * spacing are about 1 KB gzip), the HTML comments dropped, and the inline
 * scripts without their comment lines and indentation. The scripts keep
 * their text otherwise, so the quoted names postbuild writes into them (and
 * the tests look for) stay as they are. Running it again changes nothing. */
export function minifyIndex(html) {
  return html
    .replace(/<!--[\s\S]*?-->\n?/g, '')
    .replace(/(<style\b[^>]*>)([\s\S]*?)(<\/style>)/gi, (_, open, css, close) =>
      open + transformSync(css, { loader: 'css', minify: true }).code.trim() + close,
    )
    .replace(/(<script\b(?![^>]*\bsrc\s*=)[^>]*>)([\s\S]*?)(<\/script>)/gi, (_, open, js, close) =>
      open +
      js
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line && !line.startsWith('//'))
        .join('\n') +
      close,
    )
    .replace(/\n\s+/g, '\n');
}
