// The resolve hook registered by guide-constants.mjs: any import of guide-constants.js is the generated module.
let url = null;

export function initialize({ source }) {
  url = `data:text/javascript;charset=utf-8,${encodeURIComponent(source)}`;
}

export function resolve(specifier, context, next) {
  if (specifier.endsWith("/guide-constants.js")) return { url, shortCircuit: true };
  return next(specifier, context);
}
