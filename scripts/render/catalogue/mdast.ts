/**
 * The catalogue's pages import the node builders from here; they are the shared ones (render/mdast.ts), with the
 * same signatures, so pages and bot comments build their trees alike.
 */
export {
  bulletList,
  code,
  emphasis,
  heading,
  inlineCode,
  joined,
  link,
  list,
  paragraph,
  root,
  strong,
  table,
  text,
  trustedHtml,
  untrusted,
  untrustedLine,
} from '../mdast.ts';
