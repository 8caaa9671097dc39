/** Contact (a company, in SuperOffice's words): the REST read of one company, for the trigger's full record. */
import type { Route } from '../../common/routes';
import type { SuperOfficeContext } from '../context';
import { notFound } from '../helpers';

export function contactRoutes({ state }: SuperOfficeContext): Route[] {
	return [
		{
			method: 'GET',
			pattern: /^\/v1\/Contact\/(\d+)$/i,
			run: (_req, [rawId]) => {
				const contact = state.contacts.get(Number(rawId));
				if (!contact) return notFound('Contact', Number(rawId));
				return { status: 200, body: { ContactId: contact.contactId, Name: contact.name, Emails: [] } };
			},
		},
	];
}
