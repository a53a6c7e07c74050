/**
 * XLSForm import of a 1,000-question form (target < 1 s) and evaluation of every `relevant`
 * expression of a 300-question survey (target < 5 ms). `npm run bench:xlsform`. Prints figures.
 */
import { exportXlsForm } from '../src/lib/survey/xlsform/export';
import { importXlsForm } from '../src/lib/survey/xlsform/import';
import { relevanceOf, type Answers } from '../src/lib/survey/relevance';
import { seededRandom } from '../src/lib/server/demo/random';
import { generateSurvey as generate } from './support/generate';
import { validateInstrument } from '../src/lib/survey/validate';

const random = seededRandom(42);

const percentile = (xs: number[], p: number) =>
	[...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const median = (xs: number[]) => percentile(xs, 0.5);

// 1. Import of a 1,000-question XLSForm.
const bytes = await exportXlsForm(generate(1000));
const importTimes: number[] = [];
for (let run = 0; run < 5; run++) {
	const started = performance.now();
	const result = await importXlsForm(bytes);
	importTimes.push(performance.now() - started);
	if (!result.ok) throw new Error(`import failed: ${result.errors[0]?.message}`);
}
console.log(
	`XLSForm import, 1,000 questions × 3 languages (${(bytes.byteLength / 1024).toFixed(0)} KB): median ${median(importTimes).toFixed(0)} ms (runs ${importTimes.map((t) => t.toFixed(0)).join(', ')}; target < 1,000 ms)`
);

// 2. Every relevant expression of a 300-question survey, for fresh answers each time.
const survey = generate(300);
const conditional = survey.pages.flatMap((p) => p.questions).filter((q) => q.relevant).length;
const visibleFor = relevanceOf(survey);
const answerSets: Answers[] = Array.from({ length: 2000 }, () => {
	const answers: Answers = {};
	for (const q of survey.pages.flatMap((p) => p.questions)) {
		if (random.next() < 0.2) continue;
		if (q.type === 'select_one')
			answers[q.name] = random.pick(
				q.listName === 'yesno' ? ['yes', 'no'] : ['sa', 'a', 'n', 'd', 'sd']
			);
		else if (q.type === 'select_multiple')
			answers[q.name] = ['housing', 'health', 'cash'].filter(() => random.next() < 0.5);
		else if (q.type === 'integer' || q.type === 'range')
			answers[q.name] = String(random.int(0, 10));
		else answers[q.name] = 'some words';
	}
	return answers;
});
// Parse and warm up, as a page does on load; JIT compilation is not what a person waits for.
for (const answers of answerSets.slice(0, 200)) visibleFor(answers);
const evalTimes = answerSets.map((answers) => {
	const started = performance.now();
	visibleFor(answers);
	return performance.now() - started;
});
console.log(
	`Relevance of a 300-question survey (${conditional} conditional questions), ${evalTimes.length} answer sets: median ${median(evalTimes).toFixed(3)} ms, p99 ${percentile(evalTimes, 0.99).toFixed(3)} ms, worst ${Math.max(...evalTimes).toFixed(3)} ms per full evaluation (target < 5 ms)`
);

// 3. The builder re-validates the whole survey on every keystroke: how long for 300 questions?
const validateTimes: number[] = [];
for (let run = 0; run < 200; run++) {
	const started = performance.now();
	validateInstrument(survey);
	validateTimes.push(performance.now() - started);
}
console.log(
	`Builder validation of a 300-question survey (names, lists, every expression, cycles): median ${median(validateTimes).toFixed(2)} ms, p99 ${percentile(validateTimes, 0.99).toFixed(2)} ms`
);
