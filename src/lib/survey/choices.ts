import { evaluateBoolean, parse, type Expr } from './expr';
import type { Choice, Instrument, Question } from './model';
import { expressionValue, type Answers } from './relevance';

const cache = new Map<string, Expr | null>();

/**
 * The choices a question offers given the answers so far: its list, narrowed by its
 * `choice_filter` (XLSForm cascading selects: `state = ${state}`, where `state` is a column of
 * the choices sheet and `name` the choice's own name). Pure; shared by renderer and server.
 */
export function visibleChoices(
	question: Question,
	instrument: Instrument,
	answers: Answers
): Choice[] {
	const choices = instrument.choiceLists.find((l) => l.name === question.listName)?.choices ?? [];
	const source = question.choiceFilter?.trim();
	if (!source) return choices;
	if (!cache.has(source)) {
		const parsed = parse(source, { bareNames: true });
		if (cache.size > 2000) cache.clear();
		cache.set(source, parsed.ok ? parsed.ast : null);
	}
	const ast = cache.get(source);
	if (!ast) return choices;
	return choices.filter((choice) =>
		evaluateBoolean(ast, {
			value: (name) => expressionValue(answers[name]),
			column: (column) => (column === 'name' ? choice.name : choice.extra?.[column])
		})
	);
}
