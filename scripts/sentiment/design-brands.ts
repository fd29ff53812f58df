/**
 * The brand names the design set's posts use (tests/fixtures/intents-train.tsv). Training replaces each
 * with one placeholder name, so the intent model learns what a post says about a brand, not which
 * brand it names: a few hundred posts per brand would otherwise teach it that Riverstone complains.
 * At inference a capitalised word the model does not know stands for a name the same way. Add a brand
 * here when new design posts name one.
 */
const BRANDS = (
  'Alpenair|Ambergate|Ambergate Cinemas|Amtlotse|Beanbox|Bloom & Co|Bluecrest|Bluecrest Bank|Bluegull|' +
  "Bluegull Air|Bramblecove|Bramblecove Insurance|Bramblepost|Brambleton's|Brasserie Nord|Brezelwerk|" +
  'Brightline|Brightline Bikes|Brightwater|Brightwater Clinic|Brightwave|Brightwave Academy|' +
  'Brightwave Mobile|Brindlebrew|Brindlebrew Coffee|Brindlewood|Brindlewood Broadband|Brisketeer|' +
  'Brisketeer BBQ|Brisklane|Brookvale|Brookvale Water|Brummkreisel|Burger Barn|Cairnlight|' +
  'Cairnlight Energy|Cinderbean|Cinderbean Coffee|Cineplex|Cirrovia|Clearview|Cloudberry|Cloudberry TV|' +
  'CloudNest|Cobalt|Cobalt Savings Bank|Cobaltbank|Cobaltwing|Cobaltwing Air|Cobbleford|' +
  'Cobbleford Bank|CoinNest|Coldharbour|Coldharbour Heating|Copperkite|Copperkite Bank|Corner Deli|' +
  "Corvantis|Cruisewave|Crumbly Co.|Crumbly's|Crumbly's Bakery|Crumbwell|Crumbwell Burgers|Crunchmoor|" +
  'Crunchmoor Crisps|Dapplefox|Dapplehouse|Dewlight|Dewlight Beauty|Dovetail Furniture|Dozewell|' +
  'Driftsong|Driftwood|Driftwood Rides|Dustmote|Echowave|Eisenkraft|Eisenkraft Fitness|Eisvogel|' +
  'Eisvogel Fitness|Emberfall|Fablemint|Fennimore|Fennimore Bank|Fenwick|Fenwick Auto|Fernbrook|' +
  'Fernbrook Savings|Fernhill|Fernhill Coffee|Fernhollow|Fernhollow Coffee|Fernway|Fernway Airlines|' +
  'Ferro Rail|Ferrous|Ferrous Motors|Ferroway|Ferroway Rail|FitLoop|FizzUp|Fizzwick|Fjordlicht|' +
  'Flimmerkiste+|FlowFix|Forkfold|Forkful|FreshMart|Frischkorb|Futterflitzer|Gannetgo|' +
  'Gasthof Zur Gämse|Gemüsehof Wurzelgrün|Gleam|Glenmarrow|Glenmarrow Hotels|Glimmerbox|Glimmerwash|' +
  'Glowmint|GoCart|Gorsewood|Gorsewood Garage|Greenline|Gridline|Grindlow|Grindlow Gym|Grätzlbox|' +
  'Hafermond|Halden|Halden Suites|Hammerwerk24|Happy Paws|Hapsburn|Hapsburn Coffee|Harbor Air|' +
  'Harbor Airlines|Harborshield|Harborshield Insurance|Harbour View Inn|Hausarztpraxis Lerchenfeld|' +
  'Hausfix|Hearthline|Hearthline Broadband|Hearthline Insurance|Heronsgate|Heronsgate Vets|Hobnail|' +
  'Hobnail Hardware|Hollowfin|Hollowfin Outfitters|HomeHub|HostHero|Hostly|Hotel Albarosa|' +
  'Hotel Tannenblick|Hoverly|Inkwell|Inkwisp|IronLark|IronLark Gym|Jotterly|Juniperline|' +
  'Juniperline Dental|Kaffeehaus Quendel|Kammerton|Kassiopeia|Kassiopeia Energie|Kestrel Rail|' +
  'Kestrelbyte|Kettle & Co|Kettlewell|Kettlewell Plumbing|Kettlewick|Kettlewick Energy|Kiosko|KitCraft|' +
  'Kiwi|Kiwi Mobile|Kontorbank|KranichNet|Kurierfuchs|Lakeside|Lanternjaw|Lanternjaw Games|Lanternly|' +
  'Larchmere|Larchmere Bank|Larkwhistle|Larkwhistle Audio|Lernfuchs|Lesefink|Lindwurm|Lindwurm Mobil|' +
  'Lindwurm Versand|LingoLeap|Little Saigon|Loomwright|Loopline|Loopline Transit|Loopr|Lumawick|Lumen|' +
  'Lumen Coffee|Lumenet|Lumenet Fiber|Lumenshade|Lumivox|Lumivox Fiber|Lumora|Lumora Audio|Maplecroft|' +
  'Maplecroft Furniture|Mapleknot|Mapleknot Furniture|Mapleleaf|Mapleleaf Insurance|Marlowgate|' +
  "Marlowgate Pharmacy|Marrowby|Marrowby Gym|Marrowby Vets|Marrowby's|Marrowby's Pizza|Matchly|Mealbox|" +
  'Moosgrün|Mossgate|Mossgate Hotels|Natelio|Nestorbyte|Nettlecombe|Nettlecombe Insurance|Nettlefone|' +
  'Nimbletask|Nimbletrack|Nimbra|Nimbus|Nimbus Cloud|Nimbusnote|Nonna|Nookly|Nookly Home|Nordbahn|' +
  'Nordhaus|Northwick|Northwick Rail|Nova|Nova Energy|Oatmeadow|Oatmeadow Market|Orbit|Orbit Telecom|' +
  'Oxbow Pizza|Paketfuchs|Papaya Pay|Parcelo|Paydeck|PeakFit|Pebblecart|Pebblecrest|Pebblecrest Hotels|' +
  'Pebblewise|Pellucid|Pellucid Mobile|Pennyweight|Pennyweight Bank|Petal & Stem|PetPal|Petrelwing|' +
  'Petrelwing Airlines|Pinfeather|Pixelbox|Pixelfähre|Pixelmoor|Pixelmoor Games|Pixelmoth|' +
  'Pixelmoth Games|Pizza Rocket|Ploughshare|Ploughshare Grocers|Plumtree Grocers|Pocketloom|Pondskip|' +
  'Prismlet|Puddlejump|Puddlejump Pet Supplies|Quartzfin|Quayside Mobile|Quenby|Quibblesoft|Quill|' +
  'Quill Notes|Quillfeather|Quillfeather Books|Quillfox|Quillpay|Quittenhof|Ravenpeak|' +
  'Ravenpeak Outdoors|Reedsong|Reedsong Audio|Reelhaven|Rheinfalke|Rheinfalke Bahn|RideNow|Ridgeline|' +
  'Ridgeline Rail|Ripplewire|Ripplewire Mobile|Rivenrail|Riverstone|Riverstone Hotels|Rollerblitz|' +
  'Rumbleduck|Rumbleduck Pizza|Rustbucket|Rustbucket Cycles|Saffron Street Kitchen|Salon Mira|' +
  'Saltmarsh|Saltmarsh Airways|Saltmarsh Coffee|Saltmarsh Hotels|Schienenfix|Scooty|Semmelkurier|' +
  'Shieldr|Skerry Bistro|SkyLark|Skyloft|Skyloft Airways|Skyway|Skyway Air|Slumbercrest|Snapcart|' +
  'SnapPrint|Snipsy|Snipsy Salon|Snugbury|Sockenwal|Sonora|Sorrelwing|Sorrelwing Mobile|Spindlewood|' +
  'Spindlewood Café|Sprigbox|Sprocket|Sprocket Games|Stackpot|Starfall Drift|Starlite|Starlite Cinemas|' +
  'Stratus|Streamflix|Streamly|Strideloom|Stromfalke|Sweet Spot|Swiftcrate|Talerwerk|Tallowmere|' +
  'Tallowmere Bank|Tallyho|Tallyho Fitness|Tandem Telecom|Tarifwolke|Tellus|Tellus Bank|Telvana|' +
  'Tessaly|Tessellate|Tessellate Games|Tessellio|Thimble Bank|Thimbleroot|Thimbleroot Garden Centre|' +
  'Thistlewood|Threadbare Co|Threadline|Threadly|TicketHive|Tidewell|Tidewell Hotel|Tidy|TidyClean|' +
  'Tinbird|Tinbird Mobile|Tinpot|Tinpot Mobile|Tintenfass|Tintenfass Versicherung|Toybox|Trailhead|' +
  'Trellisfit|Tumblegate|Tumblegate Travel|Tumbleweed Couriers|Vellcast|Velocet|Velocet Bikes|Velora|' +
  'Velowerk|Velowerk Gisler|Velvetrun|Verdigris Energy|Verkehrsring|Verkehrsring Unterland|Vita|' +
  'Vita Pharmacy|Vivarium+|Voltaro|Voltreach|Voltreach Energy|Voltwerk|Voltwise|Voltwise Energy|VRU|' +
  'Wachtel|Wachtel Versicherung|Wanderbee|Wanderbus|Wavelink|Werkstatt Steinkauz|Wickerfen|Wickerfield|' +
  'Wickstead|Wickstead Pharmacy|Wolkenbank|Wrenfield|Wrenfield Grocers|Wrenfield Insurance|' +
  'Zahnarztpraxis Dr. Kernbichler|Zephyr|Zephyr Mobile|Zephyrine|Zephyrine Fitness|Zephyrine Scooters|' +
  'Zestwave|Zumo|Zumo Eats|Zwitscherfunk'
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
