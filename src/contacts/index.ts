/**
 * Contacts: the CRM (one person, many identities), their totals, notes, segments, merges, import and export.
 * What other parts of the app may use (docs/architecture.md); the rest of the folder is its own.
 */
/** Reads a contact import mapping ("email=E-mail, custom:plan=Plan") into fields. */
export { parseContactMappingText } from './import';
/** Checks a contact file's header (and its mapping) and queues the import. */
export { createContactImport } from './import.service';
/** Runs (or resumes) a queued contact import over the file it keeps. */
export { runContactImport } from './import.service';
/** Contact imports queued or cut short (lease run out), for the resume job. */
export { resumableContactImportIds } from './import.service';
/** Frees the contact import leases this instance held before a restart. */
export { releaseContactImportLeases } from './import.service';
/** One person (or company) the workspace deals with, however many platform accounts they use. */
export { contacts } from './schema';
/** One account on one platform. */
export { identities } from './schema';
/** One contact with its identities, tags and totals. */
export { getContact } from './contacts.service';
/** Weekly mean sentiment of the contact's mentions (staff overrides as -1 / 0 / 1), for the chart. */
export { sentimentHistory } from './timeline';
/** The key an author is known by on a platform: its account id, or "@handle" where it gives none. */
export { identityKey } from './link';
/** A contact as the author card shows it. */
export type { Contact } from './views/parts';
/** An ISO date as the contact views show it (YYYY-MM-DD, or a dash). */
export { day } from './views/parts';
/** A lifecycle stage in the viewer's language (default stages translated, a workspace's own as written). */
export { stageLabel } from './views/parts';
/** The name to show for a contact (name, else a handle). */
export { displayName } from './views/parts';
/** "@ana on X" chips for a contact's accounts. */
export { Handles } from './views/parts';
/** Why a contact scores what it does, as a list (JSX). */
export { ScoreReasons } from './views/parts';
/** Weekly mean sentiment as a small bar chart (JSX). */
export { SentimentChart } from './views/sentiment-chart';
/** One week's mean sentiment in a contact's chart. */
export type { SentimentWeek } from './views/sentiment-chart';
/** Adds a page of new mentions to their contacts' running totals. */
export { addActivity } from './activity';
/** Likes, reposts and replies a post got (whatever the platform calls them in metrics). */
export { engagementOf } from './activity';
/** One newly stored mention, as the totals need it. */
export type { MentionFacts } from './activity';
/** Finds or creates the identity and contact of each post's author (one person, many identities). */
export { linkAuthors } from './link';
/** Recounts the totals from the contacts' mentions (after merges, undos, corrections). */
export { recountContacts } from './activity';
/** The contacts as another feature's query joins them: a typed subquery under an alias (reports' authors). */
export { contactFacts } from './contact-facts';
/** Links a community member to their contact (by email, else a new one) with a community identity. */
export { linkMemberContact, renameMemberIdentity, type MemberPerson } from './member-link';
/** A contact's name and company (saved replies fill them in). */
export { contactCard } from './card';
/** How a feature above contacts lets a merge (and its undo) move the rows it keeps for a contact. */
export { registerContactHolder, type ContactHolder } from './holders';
/** The CRM's error codes, with their kinds and messages (the error catalogue lists them). */
export { CONTACT_ERRORS } from './errors';
