/**
 * The brand names the design set's posts use (tests/fixtures/intents-train.tsv). Training replaces each
 * with one placeholder name, so the intent model learns what a post says about a brand, not which
 * brand it names: a few hundred posts per brand would otherwise teach it that Riverstone complains.
 * At inference a capitalised word the model does not know stands for a name the same way. Add a brand
 * here when new design posts name one.
 */
const BRANDS = (
  'Alpenair|Beanbox|Brasserie Nord|Harbour View Inn|Lakeside|Little Saigon|Nonna|Salon Mira|Sweet Spot|' +
  'Velora|Bloom & Co|Bluecrest Bank|Bluecrest|Brightline Bikes|Brightline|Brightwave Academy|' +
  'Brightwave|Burger Barn|Cineplex|Clearview|CloudNest|CoinNest|Corner Deli|Cruisewave|Fenwick Auto|' +
  'Fenwick|Ferro Rail|FitLoop|FizzUp|FlowFix|FreshMart|Frischkorb|Gleam|GoCart|Greenline|Gridline|' +
  'Halden Suites|Halden|Happy Paws|Harbor Airlines|Harbor Air|Hausfix|HomeHub|HostHero|Hostly|Hoverly|' +
  'Inkwell|Kettle & Co|Kiosko|KitCraft|Kiwi Mobile|Kiwi|Lernfuchs|LingoLeap|Loopr|Lumen Coffee|Lumen|' +
  'Mapleleaf Insurance|Mapleleaf|Matchly|Mealbox|Nimbus Cloud|Nimbus|Nordbahn|Nordhaus|Nova Energy|' +
  'Nova|Orbit Telecom|Orbit|Papaya Pay|Parcelo|Paydeck|PeakFit|Petal & Stem|PetPal|Pixelbox|' +
  'Pizza Rocket|Quill Notes|Quill|RideNow|Riverstone Hotels|Riverstone|Scooty|Shieldr|SkyLark|' +
  'Skyway Air|Skyway|Snapcart|SnapPrint|Sonora|Sprocket Games|Sprocket|Starfall Drift|Starlite Cinemas|' +
  'Starlite|Stratus|Streamflix|Streamly|Tellus Bank|Tellus|Telvana|Threadline|Threadly|TicketHive|' +
  'TidyClean|Tidy|Toybox|Trailhead|Vita Pharmacy|Vita|Voltaro|Voltwerk|Wanderbus|Wavelink|' +
  'Zephyr Mobile|Zephyr|Zumo Eats|Zumo'
).split('|');

const escapeRegExp = (name: string) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Longest first, so "Quill Notes" is one name, not "Quill" and a word; never inside a word or a handle.
const NAMES = new RegExp(
  `(?<![@#\\p{L}\\p{N}_])(?:${[...BRANDS]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|')})(?![\\p{L}\\p{N}_])`,
  'giu',
);

/** The placeholder every brand name becomes: capitalised, and never a word of the model's own. */
export const PLACEHOLDER = 'Brandname';

/** The text with each design-set brand name replaced by the placeholder. */
export const maskBrands = (text: string) => text.replace(NAMES, PLACEHOLDER);
