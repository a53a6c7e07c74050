import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DacCriterion, EvidenceRef, Strength } from '../../evaluations/model';
import { periodsOf } from '../../programmes/periods';
import { MAX_EVIDENCE, MAX_PARAPHRASE } from '../../schemas/evaluations';
import type { AuditChange } from '../audit/actions';
import { record } from '../audit/service';
import type { Db, Tx } from '../db';
import { evaluationQuestions, findings, programmes, themes, type FindingRow } from '../db/schema';
import type { Actor } from '../orgs/service';
import { evaluationIn, indicatorsOf, moved, nextPosition, writeOrder } from './scope';
import { dimensionsOf, evaluationSources } from './theme-counts';

/**
 * Findings of an evaluation and the evidence each rests on. Every statement is scoped by
 * organisation and evaluation. Evidence is checked when it is added: an indicator of the
 * evaluation's programme for one of its periods (or 'all', the programme to date) and one of its
 * own breakdowns; a theme of this evaluation's codebook by a breakdown the counts can be cut by;
 * or an analyst's paraphrase. Nothing verbatim from a response is ever stored here. Changes are
 * audited as `finding.changed` (criterion and what changed; never the text).
 */

export interface FindingInput {
	statement: string;
	criterion: DacCriterion;
	questionId: string | null;
	strength: Strength;
}

export type FindingError = 'notFound' | 'unknownQuestion';
export type EvidenceError =
	| 'notFound'
	| 'unknownIndicator'
	| 'unknownPeriod'
	| 'unknownDimension'
	| 'unknownTheme'
	| 'paraphraseLength'
	| 'tooMuchEvidence';

export async function listFindings(
	db: Db,
	orgId: string,
	evaluationId: string
): Promise<FindingRow[]> {
	return db
		.select()
		.from(findings)
		.where(and(eq(findings.orgId, orgId), eq(findings.evaluationId, evaluationId)))
		.orderBy(asc(findings.position), asc(findings.id));
}

/** The codebook's themes, by position: what theme evidence may name. */
export async function themesOf(db: Db, orgId: string, evaluationId: string) {
	return db
		.select({ id: themes.id, name: themes.name })
		.from(themes)
		.where(and(eq(themes.orgId, orgId), eq(themes.evaluationId, evaluationId)))
		.orderBy(asc(themes.position), asc(themes.name));
}

/**
 * The breakdowns theme evidence may name, labelled in `lang` (language, channel and the
 * single-select questions of the evaluation's surveys; theme-counts.ts decides which).
 */
export async function themeDimensions(
	db: Db,
	orgId: string,
	evaluationId: string,
	lang: string
): Promise<{ key: string; label: string }[]> {
	const sources = await evaluationSources(db, orgId, evaluationId);
	if (!sources) return [];
	return dimensionsOf(sources.instruments, lang).map((d) => ({ key: d.key, label: d.label }));
}

async function questionOf(tx: Tx, orgId: string, evaluationId: string, id: string | null) {
	if (id === null) return true;
	const [found] = await tx
		.select({ id: evaluationQuestions.id })
		.from(evaluationQuestions)
		.where(
			and(
				eq(evaluationQuestions.id, id),
				eq(evaluationQuestions.orgId, orgId),
				eq(evaluationQuestions.evaluationId, evaluationId)
			)
		);
	return Boolean(found);
}

async function changed(
	tx: Tx,
	orgId: string,
	actor: Actor,
	findingId: string,
	change: AuditChange,
	criterion: DacCriterion
) {
	await record(tx, {
		orgId,
		action: 'finding.changed',
		actor,
		target: findingId,
		details: { change, criterion }
	});
}

const scoped = (orgId: string, evaluationId: string, id: string) =>
	and(eq(findings.id, id), eq(findings.orgId, orgId), eq(findings.evaluationId, evaluationId));

export async function addFinding(
	db: Db,
	actor: Actor,
	orgId: string,
	evaluationId: string,
	input: FindingInput
): Promise<{ ok: true; id: string } | { ok: false; error: FindingError }> {
	return db.transaction(async (tx) => {
		if (!(await evaluationIn(tx, orgId, evaluationId))) return { ok: false, error: 'notFound' };
		if (!(await questionOf(tx, orgId, evaluationId, input.questionId)))
			return { ok: false, error: 'unknownQuestion' };
		const position = await nextPosition(tx, findings, evaluationId);
		const [row] = await tx
			.insert(findings)
			.values({ ...input, orgId, evaluationId, position })
			.returning({ id: findings.id });
		await changed(tx, orgId, actor, row!.id, 'added', input.criterion);
		return { ok: true, id: row!.id };
	});
}

/** Changes a finding's statement, criterion, question and strength; its evidence stays. */
export async function updateFinding(
	db: Db,
	actor: Actor,
	orgId: string,
	evaluationId: string,
	id: string,
	input: FindingInput
): Promise<{ ok: true } | { ok: false; error: FindingError }> {
	return db.transaction(async (tx) => {
		if (!(await questionOf(tx, orgId, evaluationId, input.questionId)))
			return { ok: false, error: 'unknownQuestion' };
		const updated = await tx
			.update(findings)
			.set(input)
			.where(scoped(orgId, evaluationId, id))
			.returning({ id: findings.id });
		if (updated.length === 0) return { ok: false, error: 'notFound' };
		await changed(tx, orgId, actor, id, 'changed', input.criterion);
		return { ok: true };
	});
}

export async function deleteFinding(
	db: Db,
	actor: Actor,
	orgId: string,
	evaluationId: string,
	id: string
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const deleted = await tx
			.delete(findings)
			.where(scoped(orgId, evaluationId, id))
			.returning({ criterion: findings.criterion });
		if (deleted.length === 0) return false;
		await changed(tx, orgId, actor, id, 'deleted', deleted[0]!.criterion);
		return true;
	});
}

/** Swaps a finding with the one before or after it (the page groups them by criterion). */
export async function moveFinding(
	db: Db,
	actor: Actor,
	orgId: string,
	evaluationId: string,
	id: string,
	direction: 'up' | 'down'
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const list = await tx
			.select({ id: findings.id, criterion: findings.criterion })
			.from(findings)
			.where(and(eq(findings.orgId, orgId), eq(findings.evaluationId, evaluationId)))
			.orderBy(asc(findings.position), asc(findings.id));
		const self = list.find((f) => f.id === id);
		if (!self) return false;
		// Moving passes over findings of other criteria: within its group is what a reader sees.
		const group = list.filter((f) => f.criterion === self.criterion).map((f) => f.id);
		const order = moved(group, id, direction);
		if (!order) return false;
		const slots = list.flatMap((f, i) => (f.criterion === self.criterion ? [i] : []));
		const all = list.map((f) => f.id);
		slots.forEach((slot, i) => (all[slot] = order[i]!));
		await writeOrder(tx, findings, all);
		await changed(tx, orgId, actor, id, 'moved', self.criterion);
		return true;
	});
}

/** Why a piece of evidence cannot be attached to this evaluation's finding, or null. */
async function evidenceProblem(
	tx: Tx,
	orgId: string,
	evaluationId: string,
	programmeId: string,
	ref: EvidenceRef,
	themeKeys: readonly string[]
): Promise<EvidenceError | null> {
	switch (ref.kind) {
		case 'indicator': {
			const [indicator] = await indicatorsOf(tx, orgId, programmeId, [ref.indicatorId]);
			if (!indicator) return 'unknownIndicator';
			if (ref.period !== 'all') {
				const [programme] = await tx
					.select()
					.from(programmes)
					.where(and(eq(programmes.id, programmeId), eq(programmes.orgId, orgId)));
				if (!programme || !periodsOf(programme).some((p) => p.key === ref.period))
					return 'unknownPeriod';
			}
			if (ref.dimension !== null && !indicator.disaggregations.includes(ref.dimension))
				return 'unknownDimension';
			return null;
		}
		case 'theme': {
			const [theme] = await tx
				.select({ id: themes.id })
				.from(themes)
				.where(
					and(
						eq(themes.id, ref.themeId),
						eq(themes.orgId, orgId),
						eq(themes.evaluationId, evaluationId)
					)
				);
			if (!theme) return 'unknownTheme';
			return ref.dimension === null || themeKeys.includes(ref.dimension)
				? null
				: 'unknownDimension';
		}
		case 'paraphrase': {
			const length = ref.text.trim().length;
			return length >= 1 && length <= MAX_PARAPHRASE ? null : 'paraphraseLength';
		}
	}
}

/** The finding, locked for the rest of the transaction so two edits of its evidence queue up. */
async function lockedFinding(tx: Tx, orgId: string, evaluationId: string, id: string) {
	const [found] = await tx
		.select({ evidence: findings.evidence, criterion: findings.criterion })
		.from(findings)
		.where(scoped(orgId, evaluationId, id))
		.for('update');
	return found;
}

/** Attaches one piece of evidence at the end of the finding's list. */
export async function addEvidence(
	db: Db,
	actor: Actor,
	orgId: string,
	evaluationId: string,
	findingId: string,
	ref: EvidenceRef
): Promise<{ ok: true } | { ok: false; error: EvidenceError }> {
	// Read before the transaction: published survey versions never change, so what they allow
	// cannot go stale while it runs.
	const themeKeys =
		ref.kind === 'theme' && ref.dimension !== null
			? (await themeDimensions(db, orgId, evaluationId, 'en')).map((d) => d.key)
			: [];
	return db.transaction(async (tx) => {
		const evaluation = await evaluationIn(tx, orgId, evaluationId);
		const finding = evaluation && (await lockedFinding(tx, orgId, evaluationId, findingId));
		if (!evaluation || !finding) return { ok: false, error: 'notFound' };
		if (finding.evidence.length >= MAX_EVIDENCE) return { ok: false, error: 'tooMuchEvidence' };
		const problem = await evidenceProblem(
			tx,
			orgId,
			evaluationId,
			evaluation.programmeId,
			ref,
			themeKeys
		);
		if (problem) return { ok: false, error: problem };
		// Only the fields of the kind are stored, whatever else the caller's object carried.
		const clean: EvidenceRef =
			ref.kind === 'indicator'
				? {
						kind: 'indicator',
						indicatorId: ref.indicatorId,
						period: ref.period,
						dimension: ref.dimension
					}
				: ref.kind === 'theme'
					? { kind: 'theme', themeId: ref.themeId, dimension: ref.dimension }
					: { kind: 'paraphrase', text: ref.text.trim() };
		await tx
			.update(findings)
			.set({ evidence: [...finding.evidence, clean] })
			.where(eq(findings.id, findingId));
		await changed(tx, orgId, actor, findingId, `evidence added (${ref.kind})`, finding.criterion);
		return { ok: true };
	});
}

/** Removes the piece of evidence at `index`. */
export async function removeEvidence(
	db: Db,
	actor: Actor,
	orgId: string,
	evaluationId: string,
	findingId: string,
	index: number
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const finding = await lockedFinding(tx, orgId, evaluationId, findingId);
		if (!finding || index < 0 || index >= finding.evidence.length) return false;
		const removed = finding.evidence[index]!;
		await tx
			.update(findings)
			.set({ evidence: finding.evidence.filter((_, i) => i !== index) })
			.where(eq(findings.id, findingId));
		await changed(
			tx,
			orgId,
			actor,
			findingId,
			`evidence removed (${removed.kind})`,
			finding.criterion
		);
		return true;
	});
}

/** Findings among `ids` that belong to the evaluation (recommendations link to them). */
export async function findingsAmong(
	db: Db | Tx,
	orgId: string,
	evaluationId: string,
	ids: readonly string[]
): Promise<string[]> {
	if (ids.length === 0) return [];
	const found = await db
		.select({ id: findings.id })
		.from(findings)
		.where(
			and(
				eq(findings.orgId, orgId),
				eq(findings.evaluationId, evaluationId),
				inArray(findings.id, [...ids])
			)
		);
	return found.map((f) => f.id);
}
