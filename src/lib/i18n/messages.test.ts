import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	ACTION_STATES,
	DAC_CRITERIA,
	EVALUATION_KINDS,
	PRIORITIES,
	REPORT_STATUSES,
	RESPONSE_DECISIONS
} from '../evaluations/model';
import { AUDIT_ACTIONS, AUDIT_CHANGES } from '../server/audit/actions';
import { ROLES } from '../server/orgs/permissions';
import { auditValueKey, changeToken } from './audit-values';
import { UI_LANGUAGES } from './languages';
import { EXPR_ERROR_CODES } from '../survey/expr';
import { QUESTION_TYPES } from '../survey/model';
import { EXPRESSION_COLUMNS, ISSUE_CODES } from '../survey/validate';
import { IMPORT_ISSUES, type ImportIssueCode } from '../survey/xlsform/issues';

const MESSAGES_DIR = path.resolve('messages');
const SOURCE_DIR = path.resolve('src');
const PLURAL = /_(zero|one|two|few|many|other)$/;

type Tree = { [key: string]: string | Tree };

function load(lang: string): Tree {
	return JSON.parse(fs.readFileSync(path.join(MESSAGES_DIR, `${lang}.json`), 'utf8')) as Tree;
}

/** Dotted key → message, for every leaf; anything but a string or an object is a bug. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
	const out = new Map<string, string>();
	for (const [key, value] of Object.entries(tree)) {
		if (typeof value === 'string') out.set(prefix + key, value);
		else if (value && typeof value === 'object' && !Array.isArray(value))
			for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
		else throw new Error(`${prefix}${key} is neither a message nor a group`);
	}
	return out;
}

/**
 * The message a key belongs to: a plural form's base when English has the `_other` form of it
 * (so `builder.types.select_one`, a question type, stays a key of its own).
 */
function baseOf(key: string): string {
	const base = key.replace(PLURAL, '');
	return base !== key && englishRaw.has(`${base}_other`) ? base : key;
}

/** Base key (plural suffix removed) → the forms of that message. */
function byBaseKey(messages: Map<string, string>): Map<string, Map<string, string>> {
	const out = new Map<string, Map<string, string>>();
	for (const [key, value] of messages) {
		const base = baseOf(key);
		if (!out.has(base)) out.set(base, new Map());
		out.get(base)!.set(key, value);
	}
	return out;
}

function placeholders(forms: Iterable<string>): string[] {
	const names = new Set<string>();
	for (const text of forms)
		for (const [, name] of text.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)) names.add(name!);
	return [...names].sort();
}

const englishRaw = flatten(load('en'));

function sourceFiles(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return sourceFiles(full);
		return /\.(svelte|ts)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [full] : [];
	});
}

const english = englishRaw;
const englishBases = byBaseKey(english);
/** Keys whose English text is right in every language (a proper name). */
const SAME_EVERYWHERE = new Set(['app.name']);
/** Keys whose English word is also the word in one language (a cognate, checked by a reader). */
const SAME_IN: Record<string, readonly string[]> = {
	fr: ['nav.programmes', 'programme.eyebrow', 'audit.details.code', 'audit.details.programme']
};

/** True when `t(key)` finds a message in English (a plain key or the base of a plural). */
function exists(key: string): boolean {
	return english.has(key) || [...english.keys()].some((k) => baseOf(k) === key);
}

/** True when `key` is a group of messages, so `t(`${key}.${x}`)` can find something. */
function isGroup(key: string): boolean {
	return [...english.keys()].some((k) => k.startsWith(key + '.'));
}

describe('the message files', () => {
	it('exist for exactly the interface languages', () => {
		const files = fs.readdirSync(MESSAGES_DIR).filter((f) => f.endsWith('.json'));
		expect(files.map((f) => f.replace(/\.json$/, '')).sort()).toEqual([...UI_LANGUAGES].sort());
	});

	it('hold only messages and groups', () => {
		for (const lang of UI_LANGUAGES) expect(() => flatten(load(lang)), lang).not.toThrow();
		expect(english.size).toBeGreaterThan(100);
	});

	describe.each(UI_LANGUAGES)('%s', (lang) => {
		const messages = lang === 'en' ? english : flatten(load(lang));
		const bases = byBaseKey(messages);

		it('has a form for every plural category the language uses', () => {
			const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
			const missing: string[] = [];
			for (const [base, forms] of englishBases) {
				if (![...forms.keys()].some((k) => k !== base)) continue;
				for (const category of categories)
					if (!messages.has(`${base}_${category}`)) missing.push(`${base}_${category}`);
			}
			expect(missing).toEqual([]);
		});

		it('has no empty messages', () => {
			expect([...messages].filter(([, text]) => text.trim() === '').map(([k]) => k)).toEqual([]);
		});

		if (lang === 'en') return;

		it('has every key of English', () => {
			expect([...englishBases.keys()].filter((base) => !bases.has(base))).toEqual([]);
		});

		it('has no key English lacks', () => {
			expect([...bases.keys()].filter((base) => !englishBases.has(base))).toEqual([]);
		});

		it('uses the same {{placeholders}} as English', () => {
			const differing: string[] = [];
			for (const [base, forms] of bases) {
				const englishForms = englishBases.get(base);
				if (!englishForms) continue;
				const expected = placeholders(englishForms.values());
				if (placeholders(forms.values()).join() !== expected.join())
					differing.push(`${base}: ${placeholders(forms.values()).join()} ≠ ${expected.join()}`);
			}
			expect(differing).toEqual([]);
		});

		it('is translated, not an English copy', () => {
			const copies = [...messages]
				.filter(
					([key, text]) =>
						!SAME_EVERYWHERE.has(key) && !SAME_IN[lang]?.includes(key) && english.get(key) === text
				)
				.map(([key]) => key);
			expect(copies).toEqual([]);
		});
	});
});

describe('the keys used in the source', () => {
	// Only files that translate through the interface's i18n (the demo survey has its own `t`).
	const allFiles = sourceFiles(SOURCE_DIR).map((file) => ({
		file: path.relative(SOURCE_DIR, file),
		text: fs.readFileSync(file, 'utf8')
	}));
	const files = allFiles.filter(({ text }) =>
		/useI18n|locals\.t\b|\bt: TFunction|\{ t \}|translatorFor/.test(text)
	);

	it('exist in English when written out in full', () => {
		const used = files.flatMap(({ file, text }) =>
			[...text.matchAll(/\bt\(\s*(['"`])([^'"`$]+)\1/g)].map((m) => ({ file, key: m[2]! }))
		);
		expect(used.length).toBeGreaterThan(50);
		expect(used.filter(({ key }) => !exists(key))).toEqual([]);
	});

	it('name a group of messages when built from a prefix', () => {
		const prefixes = files.flatMap(({ file, text }) =>
			[...text.matchAll(/\bt\(\s*`([\w.]*)\.\$\{/g)].map((m) => ({ file, prefix: m[1]! }))
		);
		expect(prefixes.length).toBeGreaterThan(5);
		expect(prefixes.filter(({ prefix }) => !isGroup(prefix))).toEqual([]);
	});

	it('cover every value a built key can take', () => {
		const built = [
			...ROLES.map((role) => `roles.${role}`),
			...ROLES.map((role) => `overview.roleHelp.${role}`),
			...AUDIT_ACTIONS.map((action) => `audit.actions.${action}`),
			...['from', 'to', 'role', 'name', 'minCellSize', 'previousMinCellSize'].map(
				(detail) => `audit.details.${detail}`
			),
			...['tooShort', 'tooLong', 'common', 'containsEmail', 'wrongCurrent'].map(
				(problem) => `auth.passwordProblems.${problem}`
			),
			...['invalid', 'expired', 'used', 'revoked', 'wrongEmail', 'alreadyMember', 'emailTaken'].map(
				(problem) => `invite.problems.${problem}`
			),
			...['notMember', 'lastOwner'].map((error) => `members.errors.${error}`),
			...['version', 'questions', 'format', 'status', 'endsOn', 'count', 'expiresOn'].map(
				(detail) => `audit.details.${detail}`
			),
			...QUESTION_TYPES.map((type) => `builder.types.${type}`),
			...ISSUE_CODES.map((code) => `builder.issues.${code}`),
			...EXPR_ERROR_CODES.map((code) => `builder.exprErrors.${code}`),
			...[...EXPRESSION_COLUMNS, 'type', 'label', 'hint', 'required', 'requiredMessage']
				.concat(['constraintMessage', 'appearance', 'listName', 'range', 'preferNotToSay'])
				.concat(['choices', 'page'])
				.map((field) => `surveys.fields.${field}`),
			...['saved', 'pending', 'saving', 'error', 'conflict'].map(
				(state) => `builder.save.${state}`
			),
			...['design', 'translations', 'lists', 'preview'].map((tab) => `builder.tabs.${tab}`),
			...['invalid', 'unchanged'].map((error) => `surveys.publish.${error}`),
			...['conflict', 'malformed', 'notFound'].map((error) => `surveys.save.${error}`),
			...['languages', 'exitUrl', 'previousExitUrl'].map((detail) => `audit.details.${detail}`),
			...['open', 'paused', 'closed', 'ended'].map((s) => `distribution.links.states.${s}`),
			...['pause', 'close', 'reopen'].map((move) => `distribution.links.${move}`),
			...['available', 'used', 'revoked', 'expired'].map((s) => `distribution.codes.${s}`),
			...['unknown', 'used', 'revoked'].map((e) => `distribution.codes.revokeErrors.${e}`),
			...['web', 'sms'].map((channel) => `responses.channels.${channel}`),
			...['change', 'criterion', 'priority', 'decision', 'state', 'kind', 'audience'].map(
				(detail) => `audit.details.${detail}`
			),
			...AUDIT_CHANGES.map((change) => `audit.changes.${changeToken(change)}`),
			// The candidate of auditValueKey that translates each fixed value of a detail.
			...DAC_CRITERIA.map((value) => auditValueKey('criterion', value)[0]!),
			...PRIORITIES.map((value) => auditValueKey('priority', value)[0]!),
			...RESPONSE_DECISIONS.map((value) => auditValueKey('decision', value)[0]!),
			...ACTION_STATES.map((value) => auditValueKey('state', value)[0]!),
			...EVALUATION_KINDS.map((value) => auditValueKey('kind', value)[0]!),
			...ROLES.flatMap((value) => ['from', 'to', 'role'].map((k) => auditValueKey(k, value)[0]!)),
			...REPORT_STATUSES.flatMap((value) => ['from', 'to'].map((k) => auditValueKey(k, value)[1]!)),
			...['open', 'paused', 'closed'].map((value) => auditValueKey('status', value)[0]!),
			auditValueKey('audience', 'donor')[0]!,
			auditValueKey('audience', 'team')[1]!,
			...['csv', 'xlsx'].map((value) => auditValueKey('format', value)[0]!),
			...['pdf', 'xlsform'].map((value) => auditValueKey('format', value)[1]!)
		];
		expect(built.filter((key) => !exists(key))).toEqual([]);
	});

	it('include every validation message of the form schemas', () => {
		const schemaFiles = allFiles.filter(({ file }) =>
			/^lib\/(schemas\/.*|server\/forms)\.ts$/.test(file.split(path.sep).join('/'))
		);
		const keys = schemaFiles.flatMap(({ text }) =>
			[...text.matchAll(/'(validation\.\w+)'/g)].map((m) => m[1]!)
		);
		expect(keys.length).toBeGreaterThan(5);
		expect([...new Set(keys)].filter((key) => !exists(key))).toEqual([]);
	});
});

describe('the XLSForm import issues', () => {
	const XLSFORM_SOURCES = [
		...fs
			.readdirSync(path.join(SOURCE_DIR, 'lib/survey/xlsform'))
			.filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
			.map((f) => path.join(SOURCE_DIR, 'lib/survey/xlsform', f)),
		path.join(SOURCE_DIR, 'lib/server/surveys/xlsform.ts')
	];
	/** `code: '…'` literals that are not issue codes: the fallback language of import.ts. */
	const NOT_ISSUE_CODES = new Set(['en']);
	const literals = XLSFORM_SOURCES.flatMap((file) =>
		[...fs.readFileSync(file, 'utf8').matchAll(/\bcode: '(\w+)'/g)].map((m) => ({
			file: path.relative(SOURCE_DIR, file),
			code: m[1]!
		}))
	).filter(({ code }) => !NOT_ISSUE_CODES.has(code));

	it('have a message for every code written in the import code', () => {
		expect(literals.length).toBeGreaterThan(20);
		expect(literals.filter(({ code }) => !exists(`surveys.importIssues.${code}`))).toEqual([]);
	});

	it('list every code written in the import code', () => {
		expect(literals.filter(({ code }) => !Object.hasOwn(IMPORT_ISSUES, code))).toEqual([]);
	});

	it('have a message for every listed code and each of its variants', () => {
		const keys = Object.entries(IMPORT_ISSUES).flatMap(([code, variants]) => [
			`surveys.importIssues.${code}`,
			...variants.map((variant) => `surveys.importIssues.${code}_${variant}`)
		]);
		expect(keys.filter((key) => !exists(key))).toEqual([]);
	});

	it('have no message for a code or variant that no longer exists', () => {
		const known = new Set(
			(Object.keys(IMPORT_ISSUES) as ImportIssueCode[]).flatMap((code) => [
				code,
				...IMPORT_ISSUES[code].map((variant) => `${code}_${variant}`)
			])
		);
		const stale = [...englishBases.keys()]
			.filter((key) => key.startsWith('surveys.importIssues.'))
			.map((key) => key.slice('surveys.importIssues.'.length))
			.filter((key) => !known.has(key));
		expect(stale).toEqual([]);
	});

	it('have no message for an expression error code that no longer exists', () => {
		const known = new Set<string>(EXPR_ERROR_CODES);
		const stale = [...englishBases.keys()]
			.filter((key) => key.startsWith('builder.exprErrors.'))
			.filter((key) => !known.has(key.slice('builder.exprErrors.'.length)));
		expect(stale).toEqual([]);
	});
});
