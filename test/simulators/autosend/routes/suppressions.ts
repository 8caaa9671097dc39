/**
 * Suppression groups (unsubscribe groups) and bulk suppression. An address is suppressed in a group (by
 * its short groupId), globally (isGlobal) or in the default group; `suppressed` counts the addresses that
 * were not suppressed there before.
 */
import type { SimRequest } from '../../common/request';
import type { SimResponse } from '../../common/response';
import type { Route } from '../../common/routes';
import type { AutoSendContext } from '../context';
import { EMAIL, failure, ok, stringArrayErrors, textErrors, unknownKeyErrors, validationFailed } from '../helpers';
import {
	DEFAULT_SCOPE,
	findSuppressionGroup,
	GLOBAL_SCOPE,
	suppressionKey,
	type AsSuppressionGroup,
	type AutoSendState,
} from '../state';

export function suppressionRoutes({ state, maxValuesPerRequest }: AutoSendContext): Route[] {
	return [
		{ method: 'GET', pattern: /^\/suppression-groups$/, run: (req) => listGroups(state, req) },
		{
			method: 'POST',
			pattern: /^\/suppression-groups\/emails\/suppress$/,
			run: (req) => suppress(state, req, maxValuesPerRequest),
		},
	];
}

function groupView(state: AutoSendState, group: AsSuppressionGroup) {
	let suppressionCount = 0;
	for (const entry of state.suppressions.values()) if (entry.scope === group.groupId) suppressionCount += 1;
	return { ...group, suppressionCount };
}

function listGroups(state: AutoSendState, req: SimRequest): SimResponse {
	const { includeGlobal } = req.query;
	if (includeGlobal !== undefined && includeGlobal !== 'true' && includeGlobal !== 'false') {
		return validationFailed([{ field: 'includeGlobal', message: 'includeGlobal must be true or false' }]);
	}
	const groups = [...state.suppressionGroups.values()].filter((group) => includeGlobal === 'true' || !group.isGlobal);
	return ok({ groups: groups.map((group) => groupView(state, group)) });
}

function suppress(state: AutoSendState, req: SimRequest, maxValues: number | undefined): SimResponse {
	const body = req.body as Record<string, unknown>;
	const details = [
		...unknownKeyErrors(body, ['emails', 'groupId', 'reason', 'isGlobal']),
		...stringArrayErrors('emails', body.emails, maxValues),
		...textErrors('groupId', body.groupId),
		...textErrors('reason', body.reason),
	];
	if (body.isGlobal !== undefined && typeof body.isGlobal !== 'boolean') {
		details.push({ field: 'isGlobal', message: 'isGlobal must be a boolean' });
	}
	if (details.length === 0) {
		(body.emails as string[]).forEach((email, index) => {
			if (!EMAIL.test(email)) details.push({ field: `emails[${index}]`, message: 'Invalid email format' });
		});
	}
	if (details.length > 0) return validationFailed(details);
	let scope = body.isGlobal === true ? GLOBAL_SCOPE : DEFAULT_SCOPE;
	if (body.isGlobal !== true && body.groupId !== undefined) {
		const group = findSuppressionGroup(state, body.groupId as string);
		if (!group) return failure(404, 'SUPPRESSION_GROUP_NOT_FOUND', 'Suppression group not found');
		scope = group.groupId;
	}
	let suppressed = 0;
	for (const email of new Set((body.emails as string[]).map((value) => value.toLowerCase()))) {
		const key = suppressionKey(scope, email);
		if (state.suppressions.has(key)) continue;
		state.suppressions.set(key, {
			email,
			scope,
			reason: (body.reason as string | undefined) ?? null,
			createdAt: new Date().toISOString(),
		});
		suppressed += 1;
	}
	return ok({ suppressed });
}
