import { evaluateBoolean, parse, type AnswerValue, type Expr } from './expr';
import { PREFER_NOT_TO_SAY } from './chrome';
import { allQuestions, type Instrument } from './model';

export type Answers = Record<string, string | string[] | undefined>;

/** What an answer looks like to expressions: "prefer not to say" counts as unanswered. */
export function expressionValue(answer: string | string[] | undefined): AnswerValue {
	if (answer === undefined || answer === PREFER_NOT_TO_SAY) return '';
	if (Array.isArray(answer)) return answer.filter((a) => a !== PREFER_NOT_TO_SAY);
	return answer;
}

/**
 * Which questions and pages are shown for the answers so far. Expressions are parsed once per
 * instrument; a question is hidden when its page or its own `relevant` is false. Pure.
 */
export function relevanceOf(instrument: Instrument) {
	const compiled = new Map<string, Expr | null>();
	const compile = (key: string, source: string | undefined) => {
		if (!compiled.has(key)) {
			const parsed = source?.trim() ? parse(source) : null;
			compiled.set(key, parsed?.ok ? parsed.ast : null);
		}
		return compiled.get(key) ?? null;
	};
	const questionNames = new Set(allQuestions(instrument).map((q) => q.name));
	return (answers: Answers) => {
		// As in ODK, the answer of a question that is not shown does not count: a later
		// question cannot be revealed by an answer given before it was hidden again.
		const hidden = new Set<string>();
		const context = {
			value: (name: string) =>
				!questionNames.has(name)
					? undefined
					: hidden.has(name)
						? ''
						: expressionValue(answers[name])
		};
		const visible = new Set<string>();
		for (const page of instrument.pages) {
			const pageExpr = compile(`page:${page.name}`, page.relevant);
			const pageShown = !pageExpr || evaluateBoolean(pageExpr, context);
			for (const q of page.questions) {
				const expr = compile(q.name, q.relevant);
				if (pageShown && (!expr || evaluateBoolean(expr, context))) visible.add(q.name);
				else hidden.add(q.name);
			}
		}
		return visible;
	};
}
