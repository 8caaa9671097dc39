/**
 * Events: the project's event definitions (newest first) and POST /events/send, which records an event for
 * a contact (contactId wins over email) after checking each property against the definition's schema.
 */
import type { SimRequest } from '../../common/request';
import type { SimResponse } from '../../common/response';
import type { Route } from '../../common/routes';
import type { AutoSendContext } from '../context';
import {
	coerceToFieldType,
	failure,
	fitsFieldType,
	isObject,
	textErrors,
	unknownKeyErrors,
	validationFailed,
} from '../helpers';
import { contactByEmail, type AutoSendState, type NewId } from '../state';

export function eventRoutes({ state, newId }: AutoSendContext): Route[] {
	return [
		{
			method: 'GET',
			pattern: /^\/events$/,
			run: () => ({ status: 200, body: { success: true, data: { events: [...state.events.values()].reverse() } } }),
		},
		{ method: 'POST', pattern: /^\/events\/send$/, run: (req) => sendEvent(state, newId, req) },
	];
}

function sendEvent(state: AutoSendState, newId: NewId, req: SimRequest): SimResponse {
	const body = req.body as Record<string, unknown>;
	const details = [
		...unknownKeyErrors(body, ['eventName', 'email', 'contactId', 'eventProperties']),
		...textErrors('email', body.email),
		...textErrors('contactId', body.contactId),
	];
	if (typeof body.eventName !== 'string' || body.eventName === '') {
		details.push({ field: 'eventName', message: 'eventName is required' });
	}
	if (body.email === undefined && body.contactId === undefined) {
		details.push({ field: 'email', message: 'Either email or contactId is required' });
	}
	if (body.eventProperties !== undefined && !isObject(body.eventProperties)) {
		details.push({ field: 'eventProperties', message: 'eventProperties must be an object' });
	}
	if (details.length > 0) return validationFailed(details);
	const definition = state.events.get(body.eventName as string);
	if (!definition) return failure(404, 'EVENT_NOT_FOUND', 'Event not found');
	const properties: Record<string, unknown> = {};
	for (const [name, value] of Object.entries((body.eventProperties as Record<string, unknown>) ?? {})) {
		const declared = definition.properties.find((property) => property.propertyName === name);
		if (!declared) details.push({ field: `eventProperties.${name}`, message: `Unknown property '${name}'` });
		else if (!fitsFieldType(declared.type, value))
			details.push({ field: `eventProperties.${name}`, message: `${name} cannot be coerced to ${declared.type}` });
		else properties[name] = coerceToFieldType(declared.type, value);
	}
	if (details.length > 0) return validationFailed(details);
	const contact =
		body.contactId !== undefined
			? state.contacts.get((body.contactId as string).toLowerCase())
			: contactByEmail(state, body.email as string);
	if (!contact) return failure(404, 'CONTACT_NOT_FOUND', 'Contact not found');
	const log = {
		id: newId(),
		eventName: definition.eventName,
		contactId: contact.id,
		properties,
		createdAt: new Date().toISOString(),
	};
	state.eventLogs.push(log);
	return { status: 201, body: { success: true, data: log } };
}
