// Deleting a record by ID where "already gone" is the state asked for: contacts and contact lists.
import type { IExecuteFunctions } from 'n8n-workflow';
import { failureOf } from '../../shared/errors';
import type { RequestPolicy } from '../../shared/http';
import { autoSendCall } from '../transport';

/**
 * DELETE `path`. When AutoSend refuses, the record is looked up (GET `path`): a record that is gone (a
 * retry, a rerun, someone else, or this very request before its answer was lost) is the state asked for,
 * and AutoSend's error is reported only while the record still exists. `alreadyDeleted` is true only when
 * no attempt of this run may have deleted it.
 */
export async function deleteOrGone(
	context: IExecuteFunctions,
	{ path, action, hints }: { path: string; action: string; hints?: Record<number, string> },
	policy: RequestPolicy,
): Promise<{ alreadyDeleted: boolean }> {
	try {
		await autoSendCall.call(context, { method: 'DELETE', path, action, idempotent: true, hints }, policy);
		return { alreadyDeleted: false };
	} catch (error) {
		const exists = await autoSendCall
			.call(context, { method: 'GET', path, action: `look up ${path.slice(1)}`, idempotent: true }, policy)
			.then(
				() => true,
				(lookup: Error) => failureOf(lookup)?.httpCode !== '404',
			);
		if (exists) return await Promise.reject(error);
		const failure = failureOf(error);
		const mayHaveDeleted = failure?.outcome === 'unknown' || failure?.afterUnknownAttempt === true;
		return { alreadyDeleted: !mayHaveDeleted };
	}
}
