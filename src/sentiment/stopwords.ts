import { FOREIGN_ONLY_STOPWORDS } from './lexicons';

/**
 * Words too common to be a key term or an aspect. English: this hand list (stopwords-iso's English
 * list holds words posts are about: "information", "research", "world"). German, Spanish, French,
 * Portuguese, Italian, Dutch: stopwords-iso's lists (MIT), less the words that are English too
 * ("war", "car", "man" stay terms of English posts), plus the few below they lack.
 */
const HAND = `
   a about above after again against all am an and any are aren't as at be because been before being below between both
   but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each few for from further
   get got had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself him himself his how
   how's i i'd i'll i'm i've if in into is isn't it it's its itself just let's like me more most mustn't my myself no
   nor not now of off on once only or other ought our ours ourselves out over own really rt same shan't she she'd she'll
   she's should shouldn't so some still such than that that's the their theirs them themselves then there there's these
   they they'd they'll they're they've this those through to too under until up us very via was wasn't we we'd we'll
   we're we've were weren't what what's when when's where where's which while who who's whom why why's will with won't
   would wouldn't you you'd you'll you're you've your yours yourself yourselves n't 's 'm 're 've 'll 'd im dont cant
   wont didnt doesnt isnt ive thats lol ok okay yeah yes oh gonna wanna gotta amp one two also even much many lot today
   day time new know think want need make going see look go come say said way well back thing things something anything
   everything someone anyone everyone people guy guys
   der die das und ist nicht ein eine ich du er sie es wir ihr mit von zu auf für den dem des im in am an aber auch so
   wie noch nur schon sehr
   el la los las un una y es en de que no por con para se lo le su al del muy pero
   le la les un une et est en de du des que qui ne pas pour sur avec au aux mais très ce cette je tu il elle nous vous
   o a os as um uma e é em de do da dos das que não por com para se muito mas
   il lo la i gli le un una e è di da in con per che non ma molto
   de het een en is in van op met voor niet maar heel ook dat die dit`;

export const STOPWORDS = new Set([...FOREIGN_ONLY_STOPWORDS, ...HAND.split(/\s+/)]);
