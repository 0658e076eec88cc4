/**
 * Prints, as JSON, the legal dates the terminal takes at the instant given as
 * the first argument (epoch ms): the clock is fixed there, the process's time
 * zone is whatever TZ the caller set. Run by scripts/legal-dates.test.ts.
 */
import { beijingDate } from '../../domain/legal-date';
import { parseMrz } from '../../domain/mrz';
import { warningsFor } from '../../drivers/id-card/layouts';
import { residentCard } from '../../fixtures/id-card-reader/sample-cards';

const at = Number(process.argv[2]);
Date.now = () => at;
const today = beijingDate();
// A card valid to the UTC date is expired on the Beijing date after 16:00 UTC.
const utcDay = new Date(at).toISOString().slice(0, 10);
const card = { ...residentCard, validTo: utcDay };
const passport = parseMrz(['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10']);
process.stdout.write(
  JSON.stringify({
    zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    today,
    cardExpired: warningsFor(card, today).includes('card-expired'),
    passportBirthDate: passport.birthDate,
  }),
);
