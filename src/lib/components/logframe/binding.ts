import type { IndicatorDefinition, IndicatorKind, IndicatorSource } from '$lib/programmes/model';
import { INDICATOR_KINDS } from '$lib/programmes/model';

/**
 * The binding form as it is drawn: what is chosen so far, from the stored indicator, from the
 * "Next" step's address (the form without JavaScript) or from a refused post. Plain strings
 * and lists, exactly as the form's fields hold them.
 */
export interface BindingDraft {
	source: IndicatorSource;
	kind: IndicatorKind;
	surveys: string[];
	question: string;
	choices: string[];
	items: string[];
	rescaleMin: string;
	rescaleMax: string;
	minAnswered: string;
	disaggregations: string[];
}

type Definition = Pick<
	IndicatorDefinition,
	'source' | 'kind' | 'surveyIds' | 'rule' | 'disaggregations'
>;

export function draftFromDefinition(indicator: Definition): BindingDraft {
	const draft: BindingDraft = {
		source: indicator.source,
		kind: indicator.kind,
		surveys: [...indicator.surveyIds],
		question: '',
		choices: [],
		items: [],
		rescaleMin: '',
		rescaleMax: '',
		minAnswered: '',
		disaggregations: [...indicator.disaggregations]
	};
	const rule = indicator.rule;
	if (!rule || rule.kind !== indicator.kind) return draft;
	switch (rule.kind) {
		case 'percentInSet':
			return { ...draft, question: rule.question, choices: [...rule.choices] };
		case 'percentSelecting':
			return { ...draft, question: rule.question, choices: [rule.choice] };
		case 'mean':
		case 'median':
			return { ...draft, question: rule.question };
		case 'count':
			return rule.where
				? { ...draft, question: rule.where.question, choices: [...rule.where.choices] }
				: draft;
		case 'scaleScore':
			return {
				...draft,
				items: [...rule.items],
				minAnswered: rule.minAnswered === undefined ? '' : String(rule.minAnswered),
				rescaleMin: rule.rescaleFrom ? String(rule.rescaleFrom.min) : '',
				rescaleMax: rule.rescaleFrom ? String(rule.rescaleFrom.max) : ''
			};
		default:
			return rule satisfies never;
	}
}

interface FieldSource {
	get(name: string): unknown;
	getAll(name: string): unknown[];
}

/** The draft from submitted fields (URLSearchParams or FormData); unknown values fall back. */
export function draftFromFields(fields: FieldSource, fallback: BindingDraft): BindingDraft {
	const one = (name: string) => {
		const v = fields.get(name);
		return typeof v === 'string' ? v.slice(0, 200) : '';
	};
	const all = (name: string) =>
		fields
			.getAll(name)
			.filter((v): v is string => typeof v === 'string')
			.slice(0, 60)
			.map((v) => v.slice(0, 200));
	const kind = one('kind');
	const source = one('source');
	return {
		source: source === 'manual' || source === 'survey' ? source : fallback.source,
		kind: (INDICATOR_KINDS as readonly string[]).includes(kind)
			? (kind as IndicatorKind)
			: fallback.kind,
		surveys: all('surveys'),
		question: one('question'),
		choices: all('choices'),
		items: all('items'),
		rescaleMin: one('rescaleMin'),
		rescaleMax: one('rescaleMax'),
		minAnswered: one('minAnswered'),
		disaggregations: all('disaggregations')
	};
}
