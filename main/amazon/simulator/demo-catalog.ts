import { seededRandom } from './faults';
import type { CatalogItemRecord } from './state-types';

/**
 * The demo store: ~200 Brazilian products as a small seller's spreadsheet has them (jewelry,
 * clothing with variations, shoes, home, toys, sports, stationery, electronics, tools, luggage,
 * books), and the part of them that already exists on the demo Amazon.com.br catalog — about 70 %
 * of the valid EANs, as for most small sellers. Everything is derived deterministically from the
 * lists below, so the sample spreadsheet (resources/demo, written by its generator) and the
 * simulator's seeded catalog always agree. Some codes are wrong on purpose (a bad check digit, a
 * missing EAN, one code on two SKUs), as in real sheets.
 */

export interface DemoSku {
  readonly sku: string;
  /** As the sheet has it: a valid EAN, one with a wrong check digit, or empty. */
  readonly ean: string | null;
  readonly variation: Readonly<Record<string, string>>;
  readonly price: string;
  readonly salePrice: string | null;
  readonly stock: number;
  /** The Amazon product carrying this EAN in the demo catalog, when there is one. */
  readonly amazon: { readonly asin: string; readonly title: string; readonly productType: string } | null;
}

export interface DemoProduct {
  /** The parent SKU of a family, or the single SKU. */
  readonly key: string;
  readonly title: string;
  readonly brand: string;
  readonly category: string;
  readonly description: string;
  readonly bullets: readonly string[];
  readonly weightKg: string;
  readonly dimensionsCm: readonly [number, number, number];
  readonly characteristics: Readonly<Record<string, string>>;
  readonly skus: readonly DemoSku[];
  /** True when the SKUs are variations of one product (the sheet fills "SKU pai"). */
  readonly family: boolean;
}

function checkDigit(body: string): string {
  const sum = [...body].reverse().reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 3 : 1), 0);
  return String((10 - (sum % 10)) % 10);
}

/** Money as Brazilian sheets write it: "R$ 1.234,56", "89,90", or a plain number cell's text. */
function brl(cents: number, style: number): string {
  const [int, frac] = (cents / 100).toFixed(2).split('.') as [string, string];
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  if (style % 3 === 0) return `R$ ${grouped},${frac}`;
  if (style % 3 === 1) return `${grouped},${frac}`;
  return `${int}.${frac}`;
}

interface Line {
  readonly category: string;
  /** Start of the line's SKU codes. */
  readonly code: string;
  readonly productType: string;
  /** GS1 Brasil company prefix of the line's maker (789 + 4 digits). */
  readonly prefix: string;
  readonly brand: string;
  readonly items: readonly string[];
  readonly priceRange: readonly [number, number];
  readonly weightKg: readonly [number, number];
  readonly traits: Readonly<Record<string, readonly string[]>>;
  /** Variation axes: every product of the line is a family of these. */
  readonly variations?: Readonly<Record<string, readonly string[]>>;
  readonly bullets: readonly string[];
  readonly describe: string;
  /** Some Amazon listings of the line sit under another product type (sellers' categories are looser). */
  readonly otherProductType?: string;
}

const LINES: readonly Line[] = [
  {
    category: 'Joias > Pulseiras',
    code: 'PUL',
    productType: 'BRACELET',
    otherProductType: 'JEWELRY',
    prefix: '7898123',
    brand: 'Joias Aurora',
    items: [
      'Pulseira riviera prata 925 com zircônias',
      'Pulseira de elos portugueses prata 925',
      'Pulseira veneziana prata 925 19 cm',
      'Pulseira com pingente de coração folheada a ouro',
      'Pulseira de couro trançado masculina',
      'Pulseira bracelete aço inox dourado',
      'Pulseira de berloques prata 925',
      'Pulseira escrava lisa folheada a ouro',
      'Pulseira de miçangas colorida infantil',
      'Pulseira cartier masculina aço inox',
      'Pulseira ponto de luz prata 925',
      'Pulseira com pérolas cultivadas',
      'Pulseira de olho grego banhada a ródio',
      'Pulseira tornozeleira prata 925',
      'Pulseira de macramê com pedra natural',
      'Pulseira elos grumet masculina prata 925',
      'Pulseira de ouro 18k elos finos',
      'Pulseira trevo da sorte folheada',
      'Pulseira bracelete rígido com cristais',
      'Pulseira de couro com fecho magnético',
      'Pulseira infinito prata 925',
      'Pulseira de coração vazado rosé',
      'Pulseira de ágata e hematita',
      'Pulseira de pedras olho de tigre',
      'Pulseira de prata com letra inicial',
      'Pulseira de aço com cruz masculina',
      'Pulseira de corrente cadeado dourada',
      'Pulseira de bolinhas prata 925',
      'Pulseira de nó de marinheiro',
      'Pulseira de estrela do mar folheada',
      'Pulseira de corrente fina com zircônia',
      'Pulseira de couro com placa de aço',
    ],
    priceRange: [2990, 34990],
    weightKg: [0.02, 0.08],
    traits: {
      Cor: ['Prata', 'Dourado', 'Rosé', 'Preto'],
      Material: ['Prata 925', 'Aço inoxidável', 'Couro', 'Ouro 18k', 'Latão folheado'],
      Gênero: ['Feminino', 'Masculino', 'Unissex'],
      Pedra: ['Zircônia', 'Sem pedra', 'Cristal', 'Pérola'],
    },
    bullets: ['Fecho seguro e regulável', 'Não escurece com o uso', 'Acompanha embalagem para presente'],
    describe: 'Peça delicada para usar todos os dias, com acabamento polido e garantia de 1 ano.',
  },
  {
    category: 'Joias > Colares',
    code: 'COL',
    productType: 'JEWELRY',
    prefix: '7898124',
    brand: 'Joias Aurora',
    items: [
      'Colar de pérolas cultivadas 45 cm',
      'Colar gargantilha choker prata 925',
      'Colar com pingente de nossa senhora',
      'Colar de corrente veneziana folheado a ouro',
      'Colar ponto de luz zircônia',
      'Colar de coração com nome',
      'Colar longo de camadas dourado',
      'Colar de cristal murano',
      'Colar de medalha de são bento',
      'Colar de árvore da vida prata 925',
      'Colar masculino corrente grumet',
      'Colar de lua e estrela',
      'Colar de pedra turmalina',
      'Colar de gota de cristal',
      'Colar infantil de borboleta',
    ],
    priceRange: [3990, 29990],
    weightKg: [0.02, 0.06],
    traits: {
      Cor: ['Prata', 'Dourado', 'Rosé'],
      Material: ['Prata 925', 'Latão folheado', 'Ouro 18k', 'Aço inoxidável'],
      Gênero: ['Feminino', 'Masculino', 'Unissex'],
    },
    bullets: ['Corrente de 45 cm com extensor', 'Antialérgico', 'Embalagem para presente'],
    describe: 'Colar com acabamento de joalheria, leve e confortável para o dia a dia.',
  },
  {
    category: 'Joias > Brincos',
    code: 'BRC',
    productType: 'JEWELRY',
    prefix: '7898125',
    brand: 'Brilho Miúdo',
    items: [
      'Brinco argola dourada média',
      'Brinco de pérola 8 mm',
      'Brinco ponto de luz prata 925',
      'Brinco ear cuff prata 925',
      'Brinco de gota com cristal',
      'Brinco argola lisa prata 925',
      'Brinco de coração rosé',
      'Brinco infantil de estrela',
      'Brinco de franja dourado',
      'Brinco trio de argolinhas',
      'Brinco de zircônia quadrada',
      'Brinco folha banhado a ouro',
      'Brinco de flor com pérola',
      'Brinco de argola com pingente',
      'Brinco de lua prata 925',
    ],
    priceRange: [1990, 15990],
    weightKg: [0.01, 0.03],
    traits: { Cor: ['Prata', 'Dourado', 'Rosé'], Material: ['Prata 925', 'Latão folheado', 'Aço inoxidável'], Gênero: ['Feminino', 'Unissex'] },
    bullets: ['Tarraxa de silicone', 'Antialérgico', 'Não escurece'],
    describe: 'Brinco leve, com banho resistente e tarraxa confortável.',
  },
  {
    category: 'Joias > Anéis',
    code: 'ANL',
    productType: 'JEWELRY',
    prefix: '7898126',
    brand: 'Brilho Miúdo',
    items: [
      'Anel solitário prata 925',
      'Anel aparador cravejado',
      'Anel de falange dourado',
      'Anel de compromisso prata 925',
      'Anel masculino aço inox escovado',
      'Anel de coração vazado',
      'Anel meia aliança zircônias',
      'Anel ajustável de folhas',
      'Anel de pedra natural ametista',
      'Anel trio de aros finos',
    ],
    priceRange: [2490, 19990],
    weightKg: [0.01, 0.03],
    traits: { Cor: ['Prata', 'Dourado'], Material: ['Prata 925', 'Aço inoxidável', 'Latão folheado'], Gênero: ['Feminino', 'Masculino'] },
    bullets: ['Tamanhos 12 a 26', 'Antialérgico', 'Embalagem para presente'],
    describe: 'Anel com acabamento polido e cravação manual.',
  },
  {
    category: 'Moda > Camisetas',
    code: 'CAM',
    productType: 'SHIRT',
    prefix: '7898201',
    brand: 'Algodão Vivo',
    items: [
      'Camiseta básica algodão orgânico',
      'Camiseta gola V feminina',
      'Camiseta estampada Brasil',
      'Camiseta dry fit esportiva',
      'Camiseta polo piquet masculina',
      'Camiseta manga longa térmica',
      'Camiseta oversized unissex',
      'Camiseta infantil dinossauro',
      'Camiseta henley masculina',
      'Camiseta regata feminina canelada',
      'Camiseta de linho masculina',
      'Camiseta baby look estampada',
      'Camiseta raglan bicolor',
      'Camiseta com proteção UV 50+',
    ],
    priceRange: [3990, 12990],
    weightKg: [0.15, 0.3],
    traits: {
      Gênero: ['Feminino', 'Masculino', 'Unissex'],
      Tecido: ['Algodão', 'Algodão orgânico', 'Poliéster', 'Linho'],
      Manga: ['Curta', 'Longa', 'Sem manga'],
    },
    variations: { Cor: ['Branco', 'Preto', 'Azul'], Tamanho: ['P', 'M', 'G'] },
    bullets: ['Tecido macio que não desbota', 'Costura reforçada', 'Produzida no Brasil'],
    describe: 'Camiseta confortável de caimento reto, ideal para o dia a dia.',
  },
  {
    category: 'Moda > Calçados > Tênis',
    code: 'TEN',
    productType: 'SHOES',
    prefix: '7898202',
    brand: 'Passo Firme',
    items: [
      'Tênis de corrida leve',
      'Tênis casual de couro branco',
      'Tênis infantil com velcro',
      'Tênis de caminhada feminino',
      'Tênis skate de lona',
      'Tênis slip on masculino',
      'Tênis de academia feminino',
      'Tênis casual de camurça',
    ],
    priceRange: [12990, 34990],
    weightKg: [0.6, 1.1],
    traits: {
      Cor: ['Branco', 'Preto', 'Cinza', 'Azul-marinho'],
      Material: ['Couro', 'Sintético', 'Tecido', 'Lona'],
      Gênero: ['Feminino', 'Masculino', 'Unissex'],
    },
    variations: { Tamanho: ['37', '38', '39', '40', '41'] },
    bullets: ['Solado de borracha antiderrapante', 'Palmilha anatômica', 'Leve e respirável'],
    describe: 'Tênis confortável com amortecimento para o dia inteiro.',
  },
  {
    category: 'Moda > Calçados > Sandálias',
    code: 'SAN',
    productType: 'SHOES',
    prefix: '7898203',
    brand: 'Passo Firme',
    items: ['Sandália rasteira trançada', 'Sandália de salto bloco', 'Chinelo slide de borracha', 'Sandália papete feminina'],
    priceRange: [4990, 15990],
    weightKg: [0.3, 0.7],
    traits: { Cor: ['Caramelo', 'Preto', 'Nude'], Material: ['Couro', 'Sintético', 'Borracha'], Gênero: ['Feminino', 'Unissex'] },
    variations: { Tamanho: ['35', '36', '37', '38'] },
    bullets: ['Palmilha macia', 'Tiras reguláveis', 'Solado antiderrapante'],
    describe: 'Sandália leve e confortável para os dias quentes.',
  },
  {
    category: 'Casa > Decoração',
    code: 'DEC',
    productType: 'HOME',
    prefix: '7898301',
    brand: 'Casa Prática',
    items: [
      'Vaso de cerâmica esmaltada 20 cm',
      'Almofada de veludo 45 x 45 cm',
      'Porta-retrato de madeira 15 x 21',
      'Cesto organizador de palha',
      'Espelho redondo com moldura dourada',
      'Luminária de mesa de cerâmica',
      'Quadro decorativo folhagens',
      'Vela aromática de soja',
      'Relógio de parede minimalista',
      'Manta de tricô para sofá',
      'Castiçal de vidro',
      'Difusor de aromas bambu',
      'Vaso de vidro transparente',
      'Cachepô de concreto',
      'Bandeja espelhada decorativa',
      'Escultura de madeira abstrata',
      'Tapete de sisal 60 x 90 cm',
      'Cortina de linho 2,60 m',
      'Jarro de barro artesanal',
      'Capa de almofada de linho',
    ],
    priceRange: [2990, 25990],
    weightKg: [0.2, 2.5],
    traits: {
      Cor: ['Bege', 'Branco', 'Verde-oliva', 'Terracota', 'Preto'],
      Material: ['Cerâmica', 'Vidro', 'Madeira', 'Algodão', 'Metal'],
      Ambiente: ['Sala', 'Quarto', 'Escritório', 'Banheiro'],
    },
    bullets: ['Acabamento artesanal', 'Fácil de limpar', 'Combina com vários estilos'],
    describe: 'Peça de decoração que deixa a casa mais aconchegante.',
  },
  {
    category: 'Casa > Cozinha',
    code: 'COZ',
    productType: 'HOME',
    prefix: '7898302',
    brand: 'Casa Prática',
    items: [
      'Garrafa térmica inox 500 ml',
      'Jogo de facas com cepo 5 peças',
      'Tábua de corte de bambu',
      'Pote hermético de vidro 1 L',
      'Conjunto de xícaras de porcelana',
      'Escorredor de louça inox',
      'Jarra de vidro com tampa 1,5 L',
      'Porta-temperos giratório',
      'Forma de bolo antiaderente',
      'Panela de pressão 4,5 L',
      'Jogo americano de algodão 4 peças',
      'Kit utensílios de silicone',
      'Cafeteira italiana 6 xícaras',
      'Moedor de pimenta de madeira',
    ],
    priceRange: [1990, 22990],
    weightKg: [0.2, 3],
    traits: { Cor: ['Inox', 'Branco', 'Preto', 'Natural'], Material: ['Inox', 'Vidro', 'Bambu', 'Porcelana', 'Silicone'], Ambiente: ['Cozinha'] },
    bullets: ['Pode ir à lava-louças', 'Livre de BPA', 'Garantia de 1 ano'],
    describe: 'Utensílio de cozinha resistente para o uso diário.',
  },
  {
    category: 'Brinquedos',
    code: 'BRQ',
    productType: 'TOY',
    prefix: '7898401',
    brand: 'Brincar Mais',
    items: [
      'Quebra-cabeça 1000 peças paisagem',
      'Blocos de montar 250 peças',
      'Boneca de pano artesanal',
      'Carrinho de controle remoto',
      'Jogo da memória de madeira',
      'Pelúcia urso 40 cm',
      'Massinha de modelar 12 cores',
      'Dominó de madeira colorido',
      'Cozinha infantil de brinquedo',
      'Pista de carrinhos com looping',
      'Kit de pintura infantil',
      'Jogo de tabuleiro família',
      'Bola de vinil com guizo',
      'Fantoche de dedo animais',
      'Quebra-cabeça infantil 60 peças',
      'Instrumentos musicais de brinquedo',
      'Bambolê colorido',
      'Cubo mágico 3 x 3',
      'Jogo de xadrez de madeira',
      'Boneco articulado de super-herói',
    ],
    priceRange: [1990, 29990],
    weightKg: [0.1, 2],
    traits: { 'Idade recomendada': ['3 anos', '4 anos', '6 anos', '8 anos'], Cor: ['Colorido', 'Azul', 'Rosa', 'Natural'], 'Usa pilhas': ['Não', 'Sim'] },
    bullets: ['Certificado pelo Inmetro', 'Estimula a coordenação motora', 'Material atóxico'],
    describe: 'Brinquedo seguro e divertido para brincar em família.',
  },
  {
    category: 'Esporte e Lazer > Fitness',
    code: 'FIT',
    productType: 'SPORTING_GOODS',
    prefix: '7898501',
    brand: 'Gol de Placa',
    items: [
      'Tapete de yoga 6 mm',
      'Par de halteres 2 kg',
      'Corda de pular com rolamento',
      'Bola de futebol de campo',
      'Faixa elástica de resistência kit 3',
      'Garrafa squeeze 750 ml',
      'Bola de pilates 65 cm',
      'Luva de musculação',
      'Caneleira de peso 1 kg',
      'Rolo de massagem miofascial',
      'Bola de vôlei oficial',
      'Kettlebell 8 kg',
    ],
    priceRange: [2990, 18990],
    weightKg: [0.2, 4],
    traits: { Cor: ['Preto', 'Verde', 'Roxo', 'Azul'], Esporte: ['Yoga', 'Musculação', 'Corrida', 'Futebol', 'Pilates'] },
    bullets: ['Material resistente', 'Fácil de guardar', 'Ideal para treinar em casa'],
    describe: 'Acessório esportivo para treinar com conforto e segurança.',
  },
  {
    category: 'Papelaria',
    code: 'PAP',
    productType: 'OFFICE_PRODUCTS',
    prefix: '7898601',
    brand: 'Papel & Cia',
    items: [
      'Caderno universitário 10 matérias',
      'Caneta esferográfica azul caixa com 50',
      'Agenda 2027 capa dura',
      'Marca-texto pastel kit 6',
      'Grampeador de mesa 26/6',
      'Pasta sanfonada A4',
      'Bloco de notas adesivas',
      'Estojo escolar de tecido',
      'Lápis de cor 24 cores',
      'Planner semanal sem data',
      'Calculadora de mesa 12 dígitos',
      'Mochila escolar com rodinhas',
    ],
    priceRange: [990, 8990],
    weightKg: [0.05, 1],
    traits: { Cor: ['Azul', 'Rosa', 'Preto', 'Colorido'], Quantidade: ['1', '6', '24', '50'] },
    bullets: ['Papel de alta gramatura', 'Ideal para escola e escritório', 'Produzido no Brasil'],
    describe: 'Material de papelaria de qualidade para estudar e trabalhar.',
  },
  {
    category: 'Eletrônicos > Fones de ouvido',
    code: 'FON',
    productType: 'HEADPHONES',
    prefix: '7898701',
    brand: 'Som Puro',
    items: [
      'Fone de ouvido bluetooth intra-auricular',
      'Headphone sem fio com cancelamento de ruído',
      'Fone com fio e microfone',
      'Fone esportivo à prova de suor',
      'Headset gamer com led',
      'Fone infantil com limite de volume',
      'Fone de condução óssea',
      'Fone TWS com estojo de carga',
    ],
    priceRange: [4990, 49990],
    weightKg: [0.05, 0.4],
    traits: { Cor: ['Preto', 'Branco', 'Azul'], Conexão: ['Bluetooth', 'Com fio'], Formato: ['Intra-auricular', 'Supra-auricular', 'Over-ear'] },
    bullets: ['Bateria de longa duração', 'Som com graves reforçados', 'Garantia de 1 ano'],
    describe: 'Fone de ouvido com ótimo som para música e chamadas.',
  },
  {
    category: 'Ferramentas',
    code: 'FER',
    productType: 'TOOLS',
    prefix: '7898801',
    brand: 'Obra Forte',
    items: [
      'Furadeira de impacto 650 W',
      'Parafusadeira a bateria 12 V',
      'Jogo de chaves de fenda 6 peças',
      'Martelo de unha cabo de fibra',
      'Trena emborrachada 5 m',
      'Serra tico-tico 500 W',
      'Alicate universal 8"',
      'Kit de brocas 15 peças',
    ],
    priceRange: [2490, 39990],
    weightKg: [0.3, 3],
    traits: { Voltagem: ['127 V', '220 V', 'Bivolt'], Alimentação: ['Elétrica', 'Bateria', 'Manual'] },
    bullets: ['Uso profissional e doméstico', 'Cabo emborrachado', 'Garantia de 1 ano'],
    describe: 'Ferramenta robusta para reformas e consertos.',
  },
  {
    category: 'Malas e Mochilas',
    code: 'MAL',
    productType: 'LUGGAGE',
    prefix: '7898901',
    brand: 'Viagem Certa',
    items: [
      'Mala de bordo rígida 55 cm',
      'Mala média expansível 65 cm',
      'Mala grande com cadeado TSA',
      'Mochila executiva para notebook',
      'Frasqueira de viagem',
      'Conjunto de malas 3 peças',
    ],
    priceRange: [8990, 189990],
    weightKg: [0.8, 6],
    traits: { Cor: ['Preto', 'Azul-marinho', 'Vinho', 'Grafite'], Material: ['Policarbonato', 'ABS', 'Poliéster'], Rodas: ['4', '2', '0'] },
    bullets: ['Rodas 360°', 'Cadeado com segredo', 'Alça telescópica de alumínio'],
    describe: 'Mala leve e resistente para viajar com tranquilidade.',
  },
  {
    category: 'Livros',
    code: 'LIV',
    productType: 'ABIS_BOOK',
    prefix: '9786500',
    brand: 'Editora Horizonte',
    items: ['Dom Casmurro edição comentada', 'Receitas da vovó mineira', 'Guia prático de finanças pessoais', 'Contos para dormir'],
    priceRange: [2990, 7990],
    weightKg: [0.2, 0.8],
    traits: {
      Autor: ['Machado de Assis', 'Maria das Graças', 'João Pereira', 'Ana Luísa Prado'],
      Encadernação: ['Brochura', 'Capa dura'],
      Páginas: ['256', '180', '220', '96'],
    },
    bullets: ['Edição revisada', 'Papel pólen', 'Impresso no Brasil'],
    describe: 'Livro em edição cuidadosa, ótimo para presentear.',
  },
];

/** Amazon's own title for a product sellers list under their own wording. */
function amazonTitle(title: string, brand: string, variation: Readonly<Record<string, string>>): string {
  const extra = Object.values(variation).join(', ');
  return `${brand} ${title}${extra ? ` - ${extra}` : ''}`;
}

function pick<T>(list: readonly T[], rnd: () => number): T {
  return list[Math.floor(rnd() * list.length)] as T;
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Words of a title that give a characteristic away ("…de couro masculina" → Couro, Masculino). */
const HINTS: readonly (readonly [RegExp, string])[] = [
  [/prata/, 'Prata'],
  [/ouro|dourad|folhead/, 'Dourado'],
  [/rose/, 'Rosé'],
  [/couro/, 'Couro'],
  [/aco|inox/, 'Aço inoxidável'],
  [/masculin/, 'Masculino'],
  [/feminin/, 'Feminino'],
  [/infantil|unissex/, 'Unissex'],
  [/zirconia/, 'Zircônia'],
  [/perola/, 'Pérola'],
  [/cristal/, 'Cristal'],
  [/bluetooth|sem fio|tws/, 'Bluetooth'],
  [/com fio/, 'Com fio'],
  [/bateria/, 'Bateria'],
  [/ceramica/, 'Cerâmica'],
  [/vidro/, 'Vidro'],
  [/madeira|bambu/, 'Madeira'],
  [/algodao|linho/, 'Algodão'],
  [/veludo|trico/, 'Algodão'],
];

/** A characteristic that agrees with the title when the title says it, else one of the line's values. */
function traitFor(title: string, values: readonly string[], rnd: () => number): string {
  const folded = fold(title);
  const direct = values.find((v) => folded.includes(fold(v)));
  if (direct !== undefined) return direct;
  for (const [pattern, value] of HINTS) if (pattern.test(folded) && values.includes(value)) return value;
  return pick(values, rnd);
}

function combinations(axes: Readonly<Record<string, readonly string[]>>): Record<string, string>[] {
  return Object.entries(axes).reduce<Record<string, string>[]>(
    (acc, [name, values]) => acc.flatMap((combo) => values.map((v) => ({ ...combo, [name]: v }))),
    [{}],
  );
}

function build(): DemoProduct[] {
  // Deterministic, so every run builds the same store.
  const rnd = seededRandom(2027);
  const products: DemoProduct[] = [];
  let serial = 0;
  let asinSerial = 0;
  let previousEan: string | null = null;
  LINES.forEach((line) => {
    line.items.forEach((title, i) => {
      const key = `${line.code}-${String(i + 1).padStart(3, '0')}`;
      const characteristics = Object.fromEntries(Object.entries(line.traits).map(([name, values]) => [name, traitFor(title, values, rnd)]));
      const cents = Math.round((line.priceRange[0] + rnd() * (line.priceRange[1] - line.priceRange[0])) / 100) * 100 - 10;
      const combos = line.variations ? combinations(line.variations).filter((_, c) => c % 2 === 0 || rnd() < 0.6) : [{}];
      const skus = combos.map((variation, v): DemoSku => {
        serial += 1;
        const sku = line.variations
          ? `${key}-${Object.values(variation)
              .map((x) => x.slice(0, 3).toUpperCase())
              .join('-')}`
          : key;
        const body = `${line.prefix}${String(serial).padStart(12 - line.prefix.length, '0')}`;
        const good = `${body}${checkDigit(body)}`;
        // Every 16th code has a typo in its last digit, every 23rd is missing, and one code was
        // pasted on the next product too (a duplicate the EAN check flags).
        let ean: string | null = good;
        if (serial % 16 === 5) ean = `${body}${(Number(checkDigit(body)) + 3) % 10}`;
        else if (serial % 23 === 7) ean = null;
        else if (serial === 58 && previousEan !== null) ean = previousEan;
        previousEan = good;
        const valid = ean === good;
        const onAmazon = valid && rnd() < 0.7;
        const productType = line.otherProductType && rnd() < 0.15 ? line.otherProductType : line.productType;
        asinSerial += onAmazon ? 1 : 0;
        const price = cents + (line.variations && v % 3 === 2 ? 1000 : 0);
        return {
          sku,
          ean,
          variation,
          price: brl(price, serial),
          salePrice: serial % 9 === 0 ? brl(Math.round((price * 0.85) / 10) * 10, serial + 1) : null,
          stock: serial % 13 === 0 ? 0 : 1 + Math.floor(rnd() * 60),
          amazon: onAmazon
            ? { asin: `B0DM${asinSerial.toString(36).toUpperCase().padStart(6, '0')}`, title: amazonTitle(title, line.brand, variation), productType }
            : null,
        };
      });
      const [a, b] = line.weightKg;
      products.push({
        key,
        title,
        brand: line.brand,
        category: line.category,
        description: `${title}. ${line.describe}`,
        bullets: line.bullets,
        weightKg: (a + rnd() * (b - a)).toFixed(2).replace('.', ','),
        dimensionsCm: [10 + Math.floor(rnd() * 40), 5 + Math.floor(rnd() * 30), 2 + Math.floor(rnd() * 20)],
        characteristics,
        skus,
        family: line.variations !== undefined,
      });
    });
  });
  return products;
}

export const DEMO_PRODUCTS: readonly DemoProduct[] = build();

/** The demo products that exist on Amazon.com.br, as the simulator's catalog holds them. */
export function demoCatalogItems(marketplaceIds: readonly string[]): CatalogItemRecord[] {
  const byProduct = new Map(DEMO_PRODUCTS.flatMap((p) => p.skus.map((s) => [s.sku, p] as const)));
  return DEMO_PRODUCTS.flatMap((p) => p.skus)
    .filter((s): s is DemoSku & { ean: string; amazon: NonNullable<DemoSku['amazon']> } => s.amazon !== null && s.ean !== null)
    .map((s) => ({
      asin: s.amazon.asin,
      ean: s.ean,
      title: s.amazon.title,
      brand: byProduct.get(s.sku)?.brand ?? '',
      productType: s.amazon.productType,
      marketplaceIds: [...marketplaceIds],
    }));
}
