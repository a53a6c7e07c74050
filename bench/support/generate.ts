import { seededRandom } from '../../src/lib/server/demo/random';
import type { Instrument, Question } from '../../src/lib/survey/model';

const LANGS = ['en', 'fr', 'ar'];

/** A realistic generated survey: pages of 10, mixed types, every other question conditional. */
export function generateSurvey(count: number, seed = 42): Instrument {
	const random = seededRandom(seed);
	const lists = [
		{ name: 'agree5', choices: ['sa', 'a', 'n', 'd', 'sd'] },
		{ name: 'yesno', choices: ['yes', 'no'] },
		{ name: 'support', choices: ['housing', 'health', 'legal', 'cash', 'job'] }
	];
	const text = (s: string) => Object.fromEntries(LANGS.map((l) => [l, `${s} (${l})`]));
	const questions: Question[] = [];
	for (let i = 0; i < count; i++) {
		const kind = random.pick([
			'select_one',
			'select_multiple',
			'integer',
			'text',
			'range'
		] as const);
		const previous = questions[i - 1];
		let relevant: string | undefined;
		if (previous && i % 2 === 1) {
			relevant =
				previous.type === 'select_one'
					? `selected(\${${previous.name}}, '${previous.listName === 'yesno' ? 'no' : 'd'}') or \${${previous.name}} = ''`
					: previous.type === 'select_multiple'
						? `count-selected(\${${previous.name}}) >= 2 and not(selected(\${${previous.name}}, 'cash'))`
						: previous.type === 'integer' || previous.type === 'range'
							? `\${${previous.name}} >= 5 and \${${previous.name}} < 100`
							: `string-length(\${${previous.name}}) > 3`;
		}
		questions.push({
			id: `q${i}`,
			type: kind,
			name: `q${i}`,
			label: text(`Question ${i}`),
			hint: i % 3 === 0 ? text(`Hint ${i}`) : undefined,
			relevant,
			listName:
				kind === 'select_one'
					? random.pick(['agree5', 'yesno'])
					: kind === 'select_multiple'
						? 'support'
						: undefined,
			range: kind === 'range' ? { start: 0, end: 10, step: 1 } : undefined,
			constraint: kind === 'integer' ? '. >= 0 and . <= 120' : undefined,
			preferNotToSay: true
		});
	}
	return {
		formId: `bench_${count}`,
		languages: LANGS.map((code) => ({ code, name: code, dir: code === 'ar' ? 'rtl' : 'ltr' })),
		defaultLanguage: 'en',
		title: text('Bench survey'),
		choiceLists: lists.map((l) => ({
			name: l.name,
			choices: l.choices.map((c) => ({ name: c, label: text(c) }))
		})),
		pages: Array.from({ length: Math.ceil(count / 10) }, (_, p) => ({
			id: `p${p}`,
			name: `page_${p}`,
			label: {},
			questions: questions.slice(p * 10, p * 10 + 10)
		}))
	};
}
