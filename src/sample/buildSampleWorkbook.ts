import type { Language, RawCell } from '../engine/types';
import { mulberry32 } from './mulberry32';

/** One sheet of the sample workbook: a header row and data rows, row-major. */
export interface SampleSheet {
  /** Sheet name, in the workbook's language. */
  name: string;
  /** Header texts; the engine's header synonyms recognise them. */
  headers: string[];
  /** Data rows, each `headers.length` long. Dates are Excel 1900-system serial numbers. */
  rows: RawCell[][];
  /** 0-based positions of the columns holding dates (to be formatted as dates). */
  dateColumns: number[];
}

/** The demo workbook: customers, sales, visits and care rules sheets, in that order. */
export interface SampleWorkbook {
  sheets: SampleSheet[];
}

interface Texts {
  sheets: [string, string, string, string];
  customerHeaders: string[];
  salesHeaders: string[];
  visitHeaders: string[];
  reps: string[];
  regions: string[];
  products: string[];
  unreadableDate: string;
  textAmount: string;
  careHeaders: string[];
  /** The care rules table: product → follow up after N days, note. */
  careRules: [string, number, string][];
}

const texts: Record<Language, Texts> = {
  en: {
    sheets: ['Customers', 'Sales', 'Visits', 'Care rules'],
    customerHeaders: [
      'Customer ID',
      'Customer Name',
      'Sales Rep',
      'Region',
      'Birthday',
      'Phone',
      'Customer Since',
    ],
    salesHeaders: ['Order ID', 'Order Date', 'Customer ID', 'Product', 'Amount', 'Cost'],
    visitHeaders: ['Customer ID', 'Visit Date', 'Sales Rep'],
    reps: ['Alice Chen', 'Ben Ortiz', 'Carla Meyer', 'David Okafor'],
    regions: ['North', 'South', 'East', 'West'],
    products: ['Printer paper', 'Toner', 'Office chair', 'Desk', 'Laptop', 'Monitor', 'Headset', 'Shredder'],
    unreadableDate: 'next Tuesday',
    textAmount: 'to be confirmed',
    careHeaders: ['Product', 'Follow up after (days)', 'Note'],
    careRules: [
      ['Toner', 30, 'check the toner level and offer a refill'],
      ['Shredder', 90, 'remind them to oil the blades'],
      ['Office chair', 180, 'ask whether the chair is still comfortable'],
      ['Laptop', 365, 'the warranty ends soon: offer an extended one'],
    ],
  },
  'zh-CN': {
    sheets: ['客户', '销售', '拜访', '关怀规则'],
    customerHeaders: ['客户编号', '客户名称', '业务员', '区域', '生日', '电话', '入会日期'],
    salesHeaders: ['订单号', '销售日期', '客户编号', '产品', '金额', '成本'],
    visitHeaders: ['客户编号', '拜访日期', '业务员'],
    reps: ['张伟', '李娜', '王强', '刘洋'],
    regions: ['华北', '华南', '华东', '西部'],
    products: ['打印纸', '墨盒', '办公椅', '办公桌', '笔记本电脑', '显示器', '耳机', '碎纸机'],
    unreadableDate: '下周二',
    textAmount: '面议',
    careHeaders: ['产品', '回访天数', '备注'],
    careRules: [
      ['墨盒', 30, '询问墨盒余量，推荐补货'],
      ['碎纸机', 90, '提醒给刀片上油'],
      ['办公椅', 180, '回访座椅是否仍然舒适'],
      ['笔记本电脑', 365, '保修即将到期：推荐延保'],
    ],
  },
};

/** List prices of the products above, same order. */
const productPrices = [25, 80, 260, 420, 1100, 320, 60, 180];

const englishNameParts = {
  first: [
    'Acme',
    'Blue',
    'Cedar',
    'Delta',
    'Eagle',
    'Falcon',
    'Granite',
    'Harbor',
    'Iris',
    'Juniper',
    'Keystone',
    'Lotus',
  ],
  second: [
    'Trading',
    'Supplies',
    'Logistics',
    'Foods',
    'Design',
    'Builders',
    'Clinic',
    'Consulting',
    'Motors',
    'Studio',
  ],
  suffix: ['Ltd', 'Inc', 'LLC', 'Co'],
};

const chineseNameParts = {
  first: ['华盛', '东方', '长城', '金鼎', '瑞丰', '恒通', '新宇', '天成', '嘉禾', '鸿运', '博远', '永安'],
  second: ['贸易', '商贸', '物流', '食品', '设计', '建材', '科技', '文具', '电子', '医疗'],
  suffix: ['有限公司', '商行', '股份有限公司', '工作室'],
};

/** Ids kept from an older system: text with leading zeros that must survive as written. */
const legacyIds = ['00042', '00077', '00105', '00213', '00318', '00560'];

const customerCount = 120;
const prospectCount = 8;
const orderCount = 1720;
const firstDay = serialOf(2023, 1, 1);
const lastDay = serialOf(2024, 12, 31);

/** Excel 1900-system serial number of a calendar date (days since 1899-12-30). */
function serialOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / 86_400_000 + 25_569;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** Index drawn with probability proportional to its weight. */
function pickWeighted(random: () => number, cumulative: readonly number[]): number {
  const total = cumulative[cumulative.length - 1] ?? 0;
  const target = random() * total;
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((cumulative[middle] ?? 0) > target) high = middle;
    else low = middle + 1;
  }
  return low;
}

function cumulate(weights: readonly number[]): number[] {
  let sum = 0;
  return weights.map((weight) => (sum += weight));
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

interface SampleCustomer {
  id: string;
  name: string;
  rep: string;
  region: string;
  /** A serial, or text without a year (`01-05`, `1月5日`). */
  birthday: number | string;
  phone: string;
  customerSince: number;
  prospect: boolean;
  /** Relative number of orders (Pareto-skewed). */
  orderWeight: number;
  /** Typical order size multiplier. */
  orderSize: number;
  /** Share of the amount kept as profit; negative for customers that cost more than they bring. */
  margin: number;
}

function buildCustomers(random: () => number, language: Language): SampleCustomer[] {
  const t = texts[language];
  const parts = language === 'en' ? englishNameParts : chineseNameParts;
  const usedNames = new Set<string>();
  const customers: SampleCustomer[] = [];
  for (let index = 0; index < customerCount; index++) {
    const legacy = index % 20 === 7 ? legacyIds[Math.floor(index / 20)] : undefined;
    const id = legacy ?? `C${String(index + 1).padStart(4, '0')}`;
    let name = '';
    do {
      name =
        language === 'en'
          ? `${pick(random, parts.first)} ${pick(random, parts.second)} ${pick(random, parts.suffix)}`
          : `${pick(random, parts.first)}${pick(random, parts.second)}${pick(random, parts.suffix)}`;
    } while (usedNames.has(name));
    usedNames.add(name);
    // Every 15th customer is a prospect: in the customers table, never bought.
    const prospect = index % 15 === 11 && customers.filter((c) => c.prospect).length < prospectCount;
    const rank = 1 + Math.floor(random() * customerCount);
    customers.push({
      id,
      name,
      rep: t.reps[index % t.reps.length] ?? '',
      region: pick(random, t.regions),
      birthday: Math.floor(serialOf(1960, 1, 1) + random() * 40 * 365.25),
      phone: '',
      customerSince: 0,
      prospect,
      orderWeight: 1 / Math.pow(rank, 1.15),
      orderSize: Math.exp((random() - 0.5) * 1.6),
      margin: 0,
    });
  }
  // Margins follow value (big accounts are profitable), with the smallest third losing money.
  const byWeight = [...customers].sort((a, b) => b.orderWeight * b.orderSize - a.orderWeight * a.orderSize);
  byWeight.forEach((customer, position) => {
    const share = position / byWeight.length;
    customer.margin =
      share < 0.15 ? 0.3 + random() * 0.1 : share < 0.6 ? 0.1 + random() * 0.15 : -0.12 + random() * 0.14;
  });
  addCareDates(customers, language);
  return customers;
}

/**
 * Phones, customer-since dates and a few special birthdays, without drawing random numbers (the sales and
 * visits stay as they were): every sixth customer's birthday is written without a year, one is on
 * 29 February, and some fall in the first week after the sample's as-of date (2024-12-31) so that the
 * call list shows birthdays and anniversaries.
 */
function addCareDates(customers: SampleCustomer[], language: Language): void {
  customers.forEach((customer, index) => {
    customer.phone =
      language === 'en'
        ? `555-${String(100 + index).padStart(4, '0')}`
        : `138${String(10_000_000 + index * 7919).slice(-8)}`;
    customer.customerSince = serialOf(2012 + (index % 9), 1 + ((index * 5) % 12), 1 + ((index * 7) % 28));
    if (index === 0) customer.birthday = serialOf(1978, 1, 3);
    else if (index === 4) customer.birthday = serialOf(1988, 2, 29);
    else if (index === 8) customer.birthday = language === 'en' ? '01-05' : '1月5日';
    else if (index === 1) customer.customerSince = serialOf(2019, 1, 2);
    if (index % 6 === 2 && typeof customer.birthday === 'number') {
      const date = new Date((customer.birthday - 25_569) * 86_400_000);
      const month = date.getUTCMonth() + 1;
      const day = date.getUTCDate();
      customer.birthday =
        language === 'en'
          ? `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
          : `${month}月${day}日`;
    }
  });
}

interface SaleLine {
  orderId: string;
  date: RawCell;
  customerId: string | null;
  product: string;
  amount: RawCell;
  cost: RawCell;
}

function buildSales(
  random: () => number,
  language: Language,
  customers: readonly SampleCustomer[],
): SaleLine[] {
  const t = texts[language];
  const buyers = customers.filter((c) => !c.prospect);
  const cumulative = cumulate(buyers.map((c) => c.orderWeight));
  const orders: { date: number; customer: SampleCustomer }[] = [];
  for (let index = 0; index < orderCount; index++) {
    // Every customer who is not a prospect buys at least once; the rest of the orders follow the weights.
    const customer = index < buyers.length ? buyers[index] : buyers[pickWeighted(random, cumulative)];
    if (customer === undefined) continue;
    // Gentle growth: later months are drawn a little more often than earlier ones.
    const position = Math.pow(random(), 0.8);
    const date = Math.min(lastDay, firstDay + Math.floor(position * (lastDay - firstDay + 1)));
    orders.push({ date, customer });
  }
  orders.sort((a, b) => a.date - b.date);
  // The data spans the two years exactly: the first order on 1 January, the last on 31 December.
  const first = orders[0];
  const last = orders[orders.length - 1];
  if (first !== undefined && last !== undefined) {
    first.date = firstDay;
    last.date = lastDay;
  }
  const lines: SaleLine[] = [];
  orders.forEach(({ date, customer }, index) => {
    const orderId = `SO-${String(index + 1).padStart(5, '0')}`;
    const lineCount = 1 + Math.floor(random() * random() * 5);
    for (let line = 0; line < lineCount; line++) {
      const productIndex = Math.floor(random() * t.products.length);
      const price = productPrices[productIndex] ?? 100;
      const quantity = 1 + Math.floor(random() * 6 * customer.orderSize);
      const amount = round2(price * quantity * (0.9 + random() * 0.2) * customer.orderSize);
      const cost = round2(amount * (1 - customer.margin + (random() - 0.5) * 0.06));
      lines.push({
        orderId,
        date,
        customerId: customer.id,
        product: t.products[productIndex] ?? '',
        amount,
        cost,
      });
    }
  });
  // Returns: a line of an earlier order comes back as a negative amount, with its own order id.
  for (let index = 0; index < 14; index++) {
    const original = lines[Math.floor(random() * lines.length * 0.9)];
    if (original === undefined || typeof original.date !== 'number' || typeof original.amount !== 'number')
      continue;
    const cost = typeof original.cost === 'number' ? original.cost : 0;
    lines.push({
      orderId: `RT-${String(index + 1).padStart(4, '0')}`,
      date: Math.min(lastDay, original.date + 3 + Math.floor(random() * 20)),
      customerId: original.customerId,
      product: original.product,
      amount: -original.amount,
      cost: -cost,
    });
  }
  lines.sort(
    (a, b) => Number(a.date) - Number(b.date) || (a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0),
  );
  // Deliberately bad rows, so the Data issues sheet demonstrates itself.
  const bad = (at: number, change: (line: SaleLine) => void): void => {
    const line = lines[at];
    if (line !== undefined) change(line);
  };
  bad(120, (line) => (line.customerId = null));
  bad(1480, (line) => (line.customerId = null));
  bad(640, (line) => (line.date = t.unreadableDate));
  bad(2210, (line) => (line.amount = t.textAmount));
  return lines;
}

function buildVisits(
  random: () => number,
  customers: readonly SampleCustomer[],
  sales: readonly SaleLine[],
): RawCell[][] {
  const revenue = new Map<string, number>();
  for (const line of sales) {
    if (line.customerId !== null && typeof line.amount === 'number') {
      revenue.set(line.customerId, (revenue.get(line.customerId) ?? 0) + line.amount);
    }
  }
  const ranked = [...customers].sort((a, b) => (revenue.get(b.id) ?? 0) - (revenue.get(a.id) ?? 0));
  // The course's myth: reps spend most of their time with the customers who bring the least.
  const weights = ranked.map((_, position) => {
    const share = position / ranked.length;
    return share < 0.15 ? 0.6 : share < 0.4 ? 1 : 2.6;
  });
  const cumulative = cumulate(weights);
  const visits: { date: number; customer: SampleCustomer }[] = [];
  for (let index = 0; index < 900; index++) {
    const customer = ranked[pickWeighted(random, cumulative)];
    if (customer === undefined) continue;
    let date = firstDay + Math.floor(random() * (lastDay - firstDay + 1));
    // Visits fall on weekdays (serial mod 7: 0 is a Saturday, 1 a Sunday).
    while (date % 7 === 0 || date % 7 === 1) date += 1;
    visits.push({ date: Math.min(date, lastDay), customer });
  }
  visits.sort((a, b) => a.date - b.date || (a.customer.id < b.customer.id ? -1 : 1));
  return visits.map(({ date, customer }) => [customer.id, date, customer.rep]);
}

/**
 * Builds the demo workbook of the course: about 120 customers (a few with `00042`-style text ids and 8
 * prospects that never bought), about 3,000 Pareto-skewed sales lines from 2023-01-01 to 2024-12-31
 * (orders of several lines, a few returns as negative amounts, four deliberately bad rows: two blank
 * customer ids, an unreadable text date and a text amount) and a visits log in which the reps visit
 * low-value customers most; customers have phones, birthdays (some without a year, one on 29 February)
 * and customer-since dates, and a Care rules table names products to follow up after N days. Pure and deterministic: the same language always gives the same workbook,
 * so the task pane can insert it into Excel and the command line can write it as a file.
 *
 * @param language Language of sheet names, headers, names and products; headers are ones the engine's
 *   header synonyms recognise.
 * @returns Sheets Customers, Sales, Visits, Care rules (localised names). Dates are Excel 1900-system serials.
 * @example buildSampleWorkbook('zh-CN').sheets[0]?.headers[0] // '客户编号'
 */
export function buildSampleWorkbook(language: Language): SampleWorkbook {
  const t = texts[language];
  const random = mulberry32(20_240_101);
  const customers = buildCustomers(random, language);
  const sales = buildSales(random, language, customers);
  const visits = buildVisits(random, customers, sales);
  return {
    sheets: [
      {
        name: t.sheets[0],
        headers: [...t.customerHeaders],
        rows: customers.map((c) => [c.id, c.name, c.rep, c.region, c.birthday, c.phone, c.customerSince]),
        dateColumns: [4, 6],
      },
      {
        name: t.sheets[1],
        headers: [...t.salesHeaders],
        rows: sales.map((line) => [
          line.orderId,
          line.date,
          line.customerId,
          line.product,
          line.amount,
          line.cost,
        ]),
        dateColumns: [1],
      },
      { name: t.sheets[2], headers: [...t.visitHeaders], rows: visits, dateColumns: [1] },
      {
        name: t.sheets[3],
        headers: [...t.careHeaders],
        rows: t.careRules.map((rule) => [...rule]),
        dateColumns: [],
      },
    ],
  };
}
