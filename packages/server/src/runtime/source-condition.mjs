// Module resolve hook: adds the `@realid/source` export condition, as `node --conditions=@realid/source` would.
export function resolve(specifier, context, nextResolve) {
  return nextResolve(specifier, { ...context, conditions: [...context.conditions, '@realid/source'] });
}
