import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * No mutation outside the action wrapper: every server action (any export of a 'use server'
 * file) calls performAction, and every state-changing route handler (POST, PUT, PATCH, DELETE)
 * is actionRoute(...) or calls performAction. The exceptions are Auth.js's own entry points:
 * its route, and the two server actions that hand a sign-in request or a sign-out to it (there
 * is no session to check before the one, and the other only ends the caller's own session);
 * and the Resend webhook, whose authority is its signature, not a person.
 */
const AUTH_JS_EXCEPTIONS = new Set([
  'app/api/auth/[...nextauth]/route.ts#GET',
  'app/api/auth/[...nextauth]/route.ts#POST',
  'app/[locale]/sign-in/actions.ts#requestSignInLink',
  'app/[locale]/sign-out/actions.ts#signOutAction',
  // The second exception: Resend's delivery webhooks. No person acts and there is no session;
  // the Svix signature (checked with resend.webhooks.verify) is the authority, and each delivery
  // is applied once (lib/appeals/resend-webhook.ts).
  'app/api/webhooks/resend/route.ts#POST',
  // The third: what needs no account because the mail itself is the proof (lib/notifications).
  // One-click unsubscribe (RFC 8058): mail clients POST from their own servers, with no session
  // and no Origin; the unguessable token in the address is the authority, and it can only stop
  // mail to its own subscriber. Following a council by email: anyone, without signing in, rate-
  // limited per address and client, the Origin checked; it only sends a confirmation link, whose
  // POST (the token is the proof) starts the mail.
  'app/api/unsubscribe/[token]/route.ts#POST',
  'app/[locale]/follow/[slug]/actions.ts#followCouncilAction',
  'app/[locale]/follow/confirm/actions.ts#confirmFollowAction',
]);

const STATE_CHANGING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type Finding = { file: string; name: string; problem: string };

function callsAny(node: ts.Node, names: readonly string[]): boolean {
  let found = false;
  const visit = (n: ts.Node) => {
    if (found) return;
    if (ts.isCallExpression(n)) {
      const callee = n.expression;
      const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : null;
      if (name && names.includes(name)) found = true;
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

function hasUseServerDirective(source: ts.SourceFile): boolean {
  const first = source.statements[0];
  return Boolean(first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) && first.expression.text === 'use server');
}

const isExported = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** The exported names of a module with the node that gives each its value. */
function exportsOf(source: ts.SourceFile): { name: string; value: ts.Node | null }[] {
  const out: { name: string; value: ts.Node | null }[] = [];
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && isExported(statement) && statement.name) out.push({ name: statement.name.text, value: statement });
    if (ts.isVariableStatement(statement) && isExported(statement)) {
      for (const d of statement.declarationList.declarations) {
        if (ts.isIdentifier(d.name)) out.push({ name: d.name.text, value: d.initializer ?? null });
        // export const { GET, POST } = something(...): each name comes from that call.
        else if (ts.isObjectBindingPattern(d.name)) for (const e of d.name.elements) out.push({ name: e.name.getText(source), value: d.initializer ?? null });
      }
    }
    if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const e of statement.exportClause.elements) out.push({ name: e.name.text, value: null });
    }
  }
  return out;
}

/** What in this file changes state without the wrapper. */
function findUnwrappedMutations(file: string, text: string): Finding[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const findings: Finding[] = [];
  const isServerActions = hasUseServerDirective(source);
  const isRoute = path.basename(file) === 'route.ts';
  // Server actions written inline in a component: a function whose body starts with 'use server'.
  const visit = (node: ts.Node) => {
    if ((ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node)) && node.body && ts.isBlock(node.body)) {
      const first = node.body.statements[0];
      const inline = first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) && first.expression.text === 'use server';
      if (inline && !callsAny(node.body, ['performAction'])) {
        const name = ts.isFunctionDeclaration(node) && node.name ? node.name.text : `(inline, line ${source.getLineAndCharacterOfPosition(node.getStart()).line + 1})`;
        findings.push({ file, name, problem: 'an inline server action that does not call performAction' });
      }
    }
    ts.forEachChild(node, visit);
  };
  if (!isServerActions) visit(source);
  for (const { name, value } of exportsOf(source)) {
    const key = `${file}#${name}`;
    if (AUTH_JS_EXCEPTIONS.has(key)) continue;
    if (isServerActions) {
      if (!value || !callsAny(value, ['performAction'])) findings.push({ file, name, problem: 'a server action that does not call performAction' });
    } else if (isRoute && STATE_CHANGING_METHODS.has(name)) {
      if (!value || !callsAny(value, ['performAction', 'actionRoute'])) findings.push({ file, name, problem: `a ${name} handler outside actionRoute/performAction` });
    }
  }
  return findings;
}

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe('every mutation goes through the action wrapper', () => {
  const root = process.cwd();
  const files = ['app', 'components', 'lib'].flatMap((d) => sourceFiles(path.join(root, d))).map((f) => path.relative(root, f).split(path.sep).join('/'));
  const candidates = files.filter((f) => {
    const base = path.basename(f);
    return base === 'actions.ts' || base === 'route.ts' || /(['"])use server\1/.test(fs.readFileSync(f, 'utf8'));
  });

  it('finds the server actions and route handlers it checks', () => {
    expect(candidates).toContain('app/[locale]/account/actions.ts');
    expect(candidates).toContain('app/[locale]/organise/people/actions.ts');
    expect(candidates).toContain('app/[locale]/organise/ties/[tieId]/actions.ts');
    expect(candidates).toContain('app/api/v1/ties/route.ts');
  });

  it('finds no server action or state-changing route handler outside it', () => {
    const findings = candidates.flatMap((f) => findUnwrappedMutations(f, fs.readFileSync(path.join(root, f), 'utf8')));
    expect(findings).toEqual([]);
  });

  it('keeps its exceptions to files that exist', () => {
    for (const key of AUTH_JS_EXCEPTIONS) expect(files, key).toContain(key.split('#')[0]);
  });

  it('would catch a server action, a route handler or a re-export that skips the wrapper', () => {
    const bare = `'use server';
      import { db } from 'x';
      export async function wrapped(form: FormData) { return performAction(someAction, formToInput(form)); }
      export async function bare(form: FormData) { await db.delete(users); }
      export const arrow = async () => db.update(users);`;
    expect(findUnwrappedMutations('app/x/actions.ts', bare).map((f) => f.name)).toEqual(['bare', 'arrow']);

    const route = `export const POST = actionRoute(banPerson);
      export async function PUT(request: Request) { return Response.json(await performAction(a, await request.json())); }
      export async function DELETE() { await db.delete(ties); return new Response(null); }
      export async function GET() { return new Response('read only'); }
      export { handler as PATCH };`;
    expect(findUnwrappedMutations('app/api/x/route.ts', route).map((f) => f.name)).toEqual(['DELETE', 'PATCH']);

    const page = `export default function Page() {
        async function save(form: FormData) { 'use server'; await db.insert(users).values({}); }
        const ok = async (form: FormData) => { 'use server'; return performAction(a, formToInput(form)); };
        return <form action={save} />;
      }`;
    expect(findUnwrappedMutations('app/x/page.tsx', page).map((f) => f.name)).toEqual(['save']);
  });
});
