/**
 * The event storms `npm run bench:storm` fires at a real n8n (scripts/bench-storm.ts prints the table):
 * - bounces: N signed AutoSend `email.bounced` deliveries, each for another address on one list, at
 *   AutoSend Trigger → Contact List › Remove Contacts;
 * - person changes: N signed SuperOffice `person.changed` deliveries, each for another member of one
 *   static selection, at SuperOffice Trigger → Selection › Remove Members;
 * each spread evenly over a short window, then every execution waited for and what reached the simulators
 * counted. resendAfterRestart re-sends deliveries that already ran, as SuperOffice and AutoSend retry.
 */
import fs from 'node:fs';
import path from 'node:path';

import type { E2eContext } from '.';
import type { AsDelivery, RecordedRequest, SoDelivery } from '../../simulators';
import { STORM, stormBounceWorkflow, stormPersonWorkflow, type WorkflowFile } from '../workflows';
import { countExecutions, listExecutions, setActive, workflowRuns, type ExecutionSummary, type Session } from './rest';
import { resendSuperOfficeDelivery } from './simulators';
import { until } from './wait';

/** The documented limits the simulators enforce, and the node defaults the floor assumes. */
export const LIMITS = {
	autoSend: { requestsPerSecond: 2, batchSize: 100 },
	superOffice: { requestsPerSecond: 10, batchSize: 500 },
};

export const STORM_SELECTION = 990;

type Delivery = AsDelivery | SoDelivery;

/** One storm: how to seed it, fire event i, and see what the operation did. */
export interface Storm {
	title: string;
	workflowId: string;
	/** Puts the N targets (addresses, members) into the simulator; returns the workflow to import. */
	seed(n: number): WorkflowFile;
	/** Whether the trigger registered its webhook with the simulator. */
	registered(): boolean;
	/** Fires event i; resolves with every delivery attempt once n8n answered. */
	fire(i: number): Promise<Delivery[]>;
	/** Requests to the operation's endpoint so far. */
	operationRequests(): RecordedRequest[];
	/** Which targets (by event number) are still there, though a run should have removed them. */
	stillThere(): Set<number>;
	/** Fewest seconds the documented rate allows for writing n values with the node's default batch size. */
	floorSeconds(n: number): number;
	/** Sends a delivery that already ran again, byte for byte; resolves with n8n's status. */
	resend(delivery: Delivery): Promise<number>;
}

const floor = (limit: { requestsPerSecond: number; batchSize: number }, n: number) =>
	Math.ceil(n / limit.batchSize) / limit.requestsPerSecond;

export function bounceStorm(ctx: E2eContext): Storm {
	let listId = '';
	let emails: string[] = [];
	const isRemoval = (r: RecordedRequest) =>
		r.method === 'POST' && r.path === `/contact-lists/${listId}/contacts/remove`;
	return {
		title: 'AutoSend bounces → Remove Contacts',
		workflowId: STORM.bounce.workflowId,
		seed: (n) => {
			emails = Array.from({ length: n }, (_, i) => `bounce${i + 1}@storm.example.com`);
			listId = ctx.as.addList({ name: 'Storm bounces' }).id;
			ctx.as.addContacts(
				emails.map((email) => ({ email })),
				{ listId },
			);
			return stormBounceWorkflow(listId);
		},
		registered: () => ctx.as.webhooks.size > 0,
		fire: async (i) =>
			await ctx.as.fireEvent('email.bounced', {
				emailId: `em_storm_${i + 1}`,
				to: { email: emails[i], name: `Bounce ${i + 1}` },
				subject: 'Storm newsletter',
			}),
		operationRequests: () => ctx.as.requests.filter(isRemoval),
		stillThere: () => {
			const members = new Set(ctx.as.listMembers(listId));
			return new Set(emails.flatMap((email, i) => (members.has(email) ? [i] : [])));
		},
		floorSeconds: (n) => floor(LIMITS.autoSend, n),
		resend: async (delivery) => (await ctx.as.redeliver(delivery as AsDelivery)).status,
	};
}

export function personStorm(ctx: E2eContext): Storm {
	const member = (i: number) => ({ contactId: 30000 + i, personId: 40000 + i });
	let expected: Array<{ contactId: number; personId: number }> = [];
	const isRemoval = (r: RecordedRequest) =>
		r.method === 'POST' && /\/Agents\/Selection\/RemoveContactSelectionMembers$/i.test(r.path);
	return {
		title: 'SuperOffice person changes → Remove Members',
		workflowId: STORM.person.workflowId,
		seed: (n) => {
			expected = Array.from({ length: n }, (_, i) => member(i));
			ctx.so.state.selections.set(STORM_SELECTION, {
				selectionId: STORM_SELECTION,
				name: 'Storm selection',
				kind: 'static',
				description: 'bench:storm',
				members: [...expected],
			});
			return stormPersonWorkflow(STORM_SELECTION);
		},
		registered: () => ctx.so.webhooks.size > 0,
		// What SuperOffice sends for a person: its id as PrimaryKey, its company among the FieldValues.
		fire: async (i) =>
			await ctx.so.fireEvent('person.changed', {
				primaryKey: member(i).personId,
				entity: 'person',
				changes: ['updated', 'position_idx'],
				fieldValues: { contact_id: member(i).contactId, person_id: member(i).personId, retired: 0 },
			}),
		operationRequests: () => ctx.so.requests.filter(isRemoval),
		stillThere: () => {
			const members = ctx.so.state.selections.get(STORM_SELECTION)?.members ?? [];
			return new Set(members.map((m) => m.personId - member(0).personId));
		},
		floorSeconds: (n) => floor(LIMITS.superOffice, n),
		resend: async (delivery) => await resendSuperOfficeDelivery(ctx.so, delivery as SoDelivery),
	};
}

/** Writes each storm's workflow into dir for `n8n import:workflow`, after seeding n targets. */
export function seedStorms(storms: Array<{ storm: Storm; events: number }>, dir: string): string[] {
	return storms.map(({ storm, events }) => {
		const workflow = storm.seed(events);
		const file = path.join(dir, `${workflow.id}.json`);
		fs.writeFileSync(file, JSON.stringify(workflow));
		return file;
	});
}

export interface StormResult {
	title: string;
	events: number;
	/** Events n8n answered 2xx in time (the sender retries others: SuperOffice after 10 s without an answer). */
	accepted: number;
	acceptSeconds: number;
	ok: number;
	failed: number;
	requests: number;
	rateLimited: number;
	expected: number;
	lost: number;
	wallSeconds: number;
	floorSeconds: number;
	/** A delivery of each event whose target was removed (one that ran), for resendAfterRestart. */
	processed: Delivery[];
}

const isAccepted = (delivery: Delivery) => delivery.status >= 200 && delivery.status < 300;

/** Statuses of an execution that may still change. */
const UNFINISHED_STATUSES = ['new', 'running', 'waiting'];

interface Settled {
	/** Executions of the workflow started since `since`, as n8n counts them */
	total: number;
	succeeded: number;
	/** The executions themselves, as far as n8n's pages list them (it can skip one; see countExecutions) */
	listed: ExecutionSummary[];
}

/**
 * The executions of the workflow started since `since` (ms), once there are at least `count`, all
 * finished, and none came in the last 5 s: a delivery whose sender gave up waiting can still start a run.
 */
async function settledExecutions(session: Session, workflowId: string, since: number, count: number): Promise<Settled> {
	const started = { workflowId, startedAfter: new Date(since).toISOString() };
	let seen = -1;
	return await until(
		`${count} finished executions of ${workflowId}`,
		async () => {
			await new Promise((resolve) => setTimeout(resolve, 5000));
			const total = await countExecutions(session, started);
			const unfinished = await countExecutions(session, { ...started, status: UNFINISHED_STATUSES });
			const settled = total >= count && total === seen && unfinished === 0;
			seen = total;
			if (!settled) return undefined;
			const listed = (await listExecutions(session, workflowId)).filter((e) => Date.parse(e.createdAt) >= since);
			const succeeded = await countExecutions(session, { ...started, status: ['success'] });
			return { total, succeeded, listed };
		},
		15 * 60_000,
	);
}

/** Activates the storm's workflow, fires `events` deliveries evenly over windowMs, waits for every run. */
export async function runStorm(session: Session, storm: Storm, events: number, windowMs: number): Promise<StormResult> {
	await setActive(session, storm.workflowId, true);
	await until('the webhook registration', async () => (storm.registered() ? true : undefined), 30_000);
	const firstAt = Date.now();
	const perEvent = await Promise.all(
		Array.from({ length: events }, async (_, i) => {
			await new Promise((resolve) => setTimeout(resolve, (i * windowMs) / events));
			return await storm.fire(i);
		}),
	);
	const acceptSeconds = (Date.now() - firstAt) / 1000;
	const accepted = perEvent.filter((attempts) => attempts.some(isAccepted)).length;
	const executions = await settledExecutions(session, storm.workflowId, firstAt, accepted);
	const lastStop = Math.max(...executions.listed.map((e) => Date.parse(e.stoppedAt ?? '') || 0));
	const requests = storm.operationRequests().filter((r) => r.at >= firstAt);
	const stillThere = storm.stillThere();
	return {
		title: storm.title,
		events,
		accepted,
		acceptSeconds,
		ok: executions.succeeded,
		failed: executions.total - executions.succeeded,
		requests: requests.length,
		rateLimited: requests.filter((r) => r.status === 429).length,
		expected: events,
		lost: stillThere.size,
		wallSeconds: (lastStop - firstAt) / 1000,
		floorSeconds: storm.floorSeconds(events),
		// Every attempt of one event carries the same body and id: the first stands for all.
		processed: perEvent.flatMap((attempts, i) => (stillThere.has(i) ? [] : [attempts[0]])),
	};
}

/**
 * Re-sends `count` deliveries that already started a run (call it after a restart) and returns how many
 * started a second run (more than the trigger ran), and how many executions n8n recorded for them at all:
 * n8n starts one for every signed delivery before a node can check its store, and the trigger ends a
 * repeat there. Counted once n8n has been quiet for 5 s.
 */
export async function resendAfterRestart(
	session: Session,
	storm: Storm,
	deliveries: Delivery[],
	count: number,
): Promise<{ resent: number; answered: number[]; secondRuns: number; executions: number }> {
	const resentAt = Date.now();
	const resent = deliveries.slice(0, count);
	const answered = await Promise.all(resent.map(async (delivery) => await storm.resend(delivery)));
	const executions = await settledExecutions(session, storm.workflowId, resentAt, 0);
	const secondRuns = await workflowRuns(session, executions.listed);
	return { resent: resent.length, answered, secondRuns: secondRuns.length, executions: executions.total };
}
