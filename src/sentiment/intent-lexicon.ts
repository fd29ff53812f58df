/**
 * Word classes for the intent model, written from the intent definitions (tests/fixtures/README.md):
 * each word a post uses from a class counts for the class, so a word the design set never used
 * still tells the model something ("mouldy" is trouble, "punctual" good service). English and German.
 */
const CLASSES: Record<string, string> = {
  trouble:
    'lost lose losing loses missing forgot forgotten forgets skipped late later delay delays delayed ' +
    'overbooked stranded cancelled canceled broke broken breaks cracked crack crushed damaged dented scratched ' +
    'ripped torn leak leaks leaking leaked spilled stained mouldy moldy rotten stale sour burnt burned cold ' +
    'soggy raw undercooked sick ill rude dismissive unfriendly ignored ignoring ignore hung hold waiting waited ' +
    'wait still again overcharged charged charging charge twice double fee fees penalty chargeback scam fraud ' +
    'blocked frozen froze freezes freezing locked declined suspended banned deleted wiped reset erased gone ' +
    'vanished disappeared crash crashes crashed crashing bug bugs buggy glitch glitchy error errors fail fails ' +
    'failed failing failure outage outages down offline dropped drops dropping slow slower sluggish lag laggy ' +
    'buffering buffers throttled throttles unusable unreadable unplayable useless wrong incorrect mistake worse ' +
    'worst terrible awful horrible nightmare disaster joke ridiculous unacceptable pathetic shambles mess nobody ' +
    'never hike raised doubled shrunk shrinking downgraded removed paywall spam unreachable dead died refuse ' +
    'refused refuses denied excuse excuses apology weeks hours ' +
    'verloren vergessen verspätet verspätung ausgefallen gestrichen kaputt beschädigt zerbrochen zerquetscht ' +
    'delle kalt matschig schimmelig verdorben unfreundlich ignoriert warteschleife gewartet warte wieder ' +
    'doppelt berechnet gebühr gebühren gesperrt blockiert gelöscht abgestürzt stürzt absturz fehler störung ' +
    'langsam ruckelt unbenutzbar falsch falsche schlecht schlechter schlechteste schrecklich katastrophe ' +
    'frechheit witz unverschämt niemand erhöht teurer preiserhöhung entfernt erreichbar wochen stunden tagen ' +
    'instead dearer pricier overpriced expensive hidden fined ghosted shrank throttling disconnected ' +
    'disconnects unanswered understaffed dirty filthy smelly smelled stinks noisy loud unsafe defective faulty ' +
    'expired invalid rejected misleading lied lying ' +
    'abgebucht zurückgebucht nachzahlung verschwunden beschwerde abgewimmelt aufgelegt weiterverbunden ' +
    'durchnässt spät defekt ausfall zugausfall dreckig laut abgelehnt',
  good:
    'helped helping helpful kind kindly friendly patient polite lovely quick quickly fast faster early punctual ' +
    'smooth smoothly seamless easy easier effortless painless sorted solved resolved replaced refunded upgraded ' +
    'free waived credited saved rescue rescued lifesaver reliable spotless clean comfy cozy cosy delicious tasty ' +
    'fresh accurate works worked recommend thank thanks thx grateful appreciate appreciated shoutout props kudos ' +
    'legend legends hero heroes angel angels gem best love loved loving amazing great brilliant perfect perfectly ' +
    'excellent fantastic wonderful awesome superb impressed impressive flawless gorgeous beautiful nice happy ' +
    'favourite favorite enjoy enjoyed enjoyable pleasure proud star stars 10 ' +
    'geholfen hilfsbereit freundlich nett netter geduldig schnell pünktlich reibungslos einfach unkompliziert ' +
    'gelöst erledigt ersetzt erstattet kostenlos gratis zuverlässig sauber lecker frisch danke dankbar lob ' +
    'super toll tolle klasse top spitze begeistert hammer empfehlen vorbildlich liebe beste bester perfekt ' +
    'rock rocks saint stellar honest trustworthy thoughtful gentle generous respect wow restored fixed ' +
    'dankeschön kompliment zufrieden kompetent bestens mega traum genial',
  shop:
    'buy buying bought order ordering book booking subscribe subscribing signup upgrade upgrading purchase ' +
    'preorder cart checkout price prices pricing cost costs deal deals sale discount promo coupon code offer ' +
    'trial plan plans tier budget afford worth stock available shipping considering thinking tempted eyeing ' +
    'saving shopping shortlist compare vs which cheapest cheaper gift treat ' +
    'kaufen kaufe bestellen bestelle buchen buche abonnieren abschließen angebot rabatt gutschein preis ' +
    'kostet kosten tarif überlege überlegen lohnt probeabo holen ' +
    'basket wishlist size sizes quote financing tempting getting ' +
    'warenkorb günstiger versand verfügbar vorrätig',
  leave:
    'cancel cancelling canceling unsubscribe unsubscribed close closing delete deleting deleted leave leaving ' +
    'left switch switching switched moving port porting pac alternative alternatives competitor elsewhere ' +
    'goodbye bye done last renew renewing renewal contract termination quit quitting uninstall uninstalled ' +
    'kündigen kündige kündigung gekündigt wechseln wechsle wechsel anbieter tschüss verlassen löschen vertrag ' +
    'gone migrating migrate migration lapse farewell terminate customer ' +
    'aufgelöst auflösen raus verlängern verlängere',
  ask:
    'add adding please pls plz bitte should could would wish hope option options feature features support ' +
    'allow bring offer launch integration mode setting settings toggle button widget export version roadmap ' +
    'eta plans ever someday hinzufügen einbauen anbieten funktion wäre wünsche sollte sollten könntet bietet ' +
    'restock back sell stock menu flavour flavor colour colours color colors permanently route direct ' +
    'liefert sortiment größe größen',
};

const WORD_CLASSES = new Map<string, string[]>();
for (const [name, words] of Object.entries(CLASSES)) {
  for (const w of new Set(words.split(/\s+/).filter(Boolean))) {
    WORD_CLASSES.set(w, [...(WORD_CLASSES.get(w) ?? []), name]);
  }
}

/** The classes a (lower-cased) word belongs to, if any. */
export const wordClasses = (word: string): string[] | undefined => WORD_CLASSES.get(word);
