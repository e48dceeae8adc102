// Builds the published package into dist/: ES modules in dist/esm, CommonJS in dist/cjs (marked so by a
// package.json of its own), each with declarations. `npm pack` runs it (prepack), and so does the monorepo's
// build when the sources changed.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { TARGETS } from '../../../tools/build/build-targets.mjs';
import { buildWhenStale } from '../../../tools/build/build-when-stale.ts';

const CONFIG = fileURLToPath(new URL('../tsconfig.build.json', import.meta.url));

/** `./x.ts` → `./x.js` in declarations, as the compiler already does in JavaScript. */
const jsSpecifier = (text: string): string => (/^\.\.?\/.*\.ts$/.test(text) ? text.replace(/\.ts$/, '.js') : text);

const rewriteDeclarationSpecifiers: ts.TransformerFactory<ts.SourceFile | ts.Bundle> = (context) => {
  const { factory } = context;
  const literal = (node: ts.Expression | undefined) =>
    node && ts.isStringLiteral(node) && jsSpecifier(node.text) !== node.text ? factory.createStringLiteral(jsSpecifier(node.text)) : undefined;
  const visit = (node: ts.Node): ts.Node => {
    if (ts.isImportDeclaration(node)) {
      const specifier = literal(node.moduleSpecifier);
      if (specifier) return factory.updateImportDeclaration(node, node.modifiers, node.importClause, specifier, node.attributes);
    }
    if (ts.isExportDeclaration(node)) {
      const specifier = literal(node.moduleSpecifier);
      if (specifier) return factory.updateExportDeclaration(node, node.modifiers, node.isTypeOnly, node.exportClause, specifier, node.attributes);
    }
    if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      const specifier = literal(node.argument.literal as ts.Expression);
      if (specifier) {
        const argument = factory.updateLiteralTypeNode(node.argument, specifier);
        return factory.updateImportTypeNode(node, argument, node.attributes, node.qualifier, node.typeArguments, node.isTypeOf);
      }
    }
    return ts.visitEachChild(node, visit, context);
  };
  return (file) => ts.visitEachChild(file, visit, context) as typeof file;
};

function compile(outDir: string, module: 'esm' | 'cjs'): void {
  const parsed = ts.getParsedCommandLineOfConfigFile(CONFIG, { outDir }, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!parsed) throw new Error(`Cannot read ${CONFIG}`);
  const options: ts.CompilerOptions =
    module === 'esm'
      ? parsed.options
      : {
          ...parsed.options,
          module: ts.ModuleKind.CommonJS,
          moduleResolution: ts.ModuleResolutionKind.Node10,
          customConditions: undefined,
          // It forbids import syntax in CommonJS output; the sources use `import type` throughout anyway.
          verbatimModuleSyntax: false,
          // The ES module build has just checked the same sources.
          noCheck: true,
        };
  const program = ts.createProgram(parsed.fileNames, options);
  const emitted = program.emit(undefined, undefined, undefined, false, { afterDeclarations: [rewriteDeclarationSpecifiers] });
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics];
  if (diagnostics.length > 0) {
    const host = { getCanonicalFileName: (f: string) => f, getCurrentDirectory: ts.sys.getCurrentDirectory, getNewLine: () => '\n' };
    throw new Error(`@realid/webhooks (${module}) does not compile:\n${ts.formatDiagnostics(diagnostics, host)}`);
  }
}

export async function buildWebhooks(options: { force?: boolean } = {}): Promise<'built' | 'fresh'> {
  return buildWhenStale(
    TARGETS.webhooks,
    async (outDir) => {
      compile(path.join(outDir, 'esm'), 'esm');
      compile(path.join(outDir, 'cjs'), 'cjs');
      // The package is "type": "module"; this makes Node (and TypeScript) read dist/cjs as CommonJS.
      await writeFile(path.join(outDir, 'cjs', 'package.json'), '{ "type": "commonjs" }\n');
    },
    options,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outcome = await buildWebhooks({ force: process.argv.includes('--force') });
  console.log(outcome === 'built' ? 'Built @realid/webhooks into packages/webhooks/dist' : '@realid/webhooks is up to date.');
}
