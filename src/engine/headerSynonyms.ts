import type { FieldKey } from './types';

/**
 * Header texts recognised for each field, best first, in English and Chinese (simplified and
 * traditional). Matching is on {@link normalizeHeader}d text, so case, stray spaces, underscores and
 * punctuation do not matter. When several headers of a table match one field, the one whose synonym comes
 * first here wins (so `Order Date` beats `Ship Date` for the sale date).
 */
export const headerSynonyms: Record<FieldKey, readonly string[]> = {
  customerId: [
    'customer id',
    'customerid',
    'customer no',
    'customer number',
    'customer code',
    'client id',
    'account id',
    'cust id',
    'customer',
    'client',
    '客户编号',
    '客戶編號',
    '客户id',
    '客戶id',
    '客户代码',
    '客戶代碼',
    '客户号',
    '客戶號',
    '客户编码',
    '客戶編碼',
    '客户',
    '客戶',
  ],
  customerName: [
    'customer name',
    'client name',
    'name',
    'company',
    'company name',
    '客户名称',
    '客戶名稱',
    '客户名',
    '客戶名',
    '名称',
    '名稱',
    '姓名',
    '公司名称',
    '公司名稱',
  ],
  date: [
    'order date',
    'sale date',
    'sales date',
    'invoice date',
    'invoicedate',
    'transaction date',
    'purchase date',
    'date',
    '销售日期',
    '銷售日期',
    '订单日期',
    '訂單日期',
    '交易日期',
    '日期',
    '购买日期',
    '購買日期',
  ],
  amount: [
    'amount',
    'sales',
    'sales amount',
    'revenue',
    'total',
    'line total',
    'net sales',
    'sale amount',
    'value',
    '金额',
    '金額',
    '销售额',
    '銷售額',
    '销售金额',
    '銷售金額',
    '收入',
    '营业额',
    '營業額',
  ],
  quantity: ['quantity', 'qty', 'units', 'units sold', '数量', '數量', '销量', '銷量'],
  unitPrice: [
    'unit price',
    'unitprice',
    'price',
    'sale price',
    '单价',
    '單價',
    '价格',
    '價格',
    '售价',
    '售價',
  ],
  orderId: [
    'order id',
    'orderid',
    'order no',
    'order number',
    'invoice',
    'invoice no',
    'invoiceno',
    'invoice number',
    '订单号',
    '訂單號',
    '订单编号',
    '訂單編號',
    '单号',
    '單號',
    '发票号',
    '發票號',
  ],
  profit: ['profit', 'gross profit', 'margin', '利润', '利潤', '毛利', '毛利润', '毛利潤'],
  cost: ['cost', 'cogs', 'cost of goods sold', 'total cost', '成本', '销售成本', '銷售成本'],
  product: [
    'product',
    'product name',
    'item',
    'description',
    'stockcode',
    '产品',
    '產品',
    '商品',
    '产品名称',
    '產品名稱',
    'product or category',
    'product/category',
    'item or category',
    '产品或类别',
    '產品或類別',
    '产品/类别',
    '產品/類別',
    '商品或类别',
  ],
  rep: [
    'sales rep',
    'salesperson',
    'sales person',
    'rep',
    'account manager',
    'owner',
    '业务员',
    '業務員',
    '销售代表',
    '銷售代表',
    '销售员',
    '銷售員',
    '负责人',
    '負責人',
  ],
  region: ['region', 'area', 'territory', '区域', '區域', '地区', '地區'],
  visitDate: ['visit date', 'visited on', 'call date', '拜访日期', '拜訪日期', '访问日期', '訪問日期'],
  birthday: [
    'birthday',
    'date of birth',
    'birth date',
    'birthdate',
    'dob',
    'born',
    '生日',
    '出生日期',
    '出生年月日',
    '出生年月',
    '生日日期',
  ],
  anniversary: [
    'anniversary',
    'wedding anniversary',
    'wedding date',
    'anniversary date',
    '纪念日',
    '紀念日',
    '结婚纪念日',
    '結婚紀念日',
    '结婚日期',
    '結婚日期',
  ],
  customerSince: [
    'customer since',
    'member since',
    'joined',
    'join date',
    'joined on',
    'first order date',
    '入会日期',
    '入會日期',
    '加入日期',
    '开户日期',
    '開戶日期',
    '成为客户日期',
  ],
  phone: [
    'phone',
    'mobile',
    'tel',
    'telephone',
    'phone number',
    'mobile phone',
    'cell',
    'contact number',
    '电话',
    '電話',
    '手机',
    '手機',
    '联系电话',
    '聯繫電話',
    '手机号',
    '手機號',
    '电话号码',
    '電話號碼',
  ],
  category: [
    'category',
    'product category',
    'sub category',
    'subcategory',
    '类别',
    '類別',
    '产品类别',
    '產品類別',
    '品类',
    '品類',
    '分类',
    '分類',
    '子类别',
    '子類別',
  ],
  followUpDays: [
    'follow up after',
    'follow up after days',
    'follow up days',
    'follow up in days',
    'days until follow up',
    'days after purchase',
    'after days',
    '回访天数',
    '回訪天數',
    '跟进天数',
    '跟進天數',
    '间隔天数',
    '間隔天數',
    '购买后天数',
    '購買後天數',
    '几天后回访',
    '回访间隔',
  ],
  careNote: [
    'note',
    'notes',
    'reminder',
    'care note',
    'what to say',
    '备注',
    '備註',
    '提示',
    '关怀内容',
    '關懷內容',
    '提醒',
    '说明',
    '說明',
  ],
};

/**
 * Normalises a header for matching: trims, lower-cases (full-width letters too), turns `_`, `-`, `.`,
 * `:` and runs of spaces into one space, and drops a trailing `(…)` unit such as `Amount (USD)`.
 *
 * @example normalizeHeader('  Customer_ID ') === 'customer id'
 */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[（(][^）)]*[）)]\s*$/u, '')
    .replace(/[_\-.:：#]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

const synonymRank = new Map<string, { field: FieldKey; rank: number }[]>();
for (const [field, synonyms] of Object.entries(headerSynonyms) as [FieldKey, readonly string[]][]) {
  synonyms.forEach((synonym, rank) => {
    const key = normalizeHeader(synonym);
    const list = synonymRank.get(key) ?? [];
    list.push({ field, rank });
    synonymRank.set(key, list);
  });
}

/**
 * The fields a header could stand for, each with the synonym's rank (lower is better).
 * Also matches the header with its spaces removed (`CustomerID` = `Customer ID`).
 */
export function fieldsForHeader(header: string): { field: FieldKey; rank: number }[] {
  const normalized = normalizeHeader(header);
  if (normalized === '') return [];
  return synonymRank.get(normalized) ?? synonymRank.get(normalized.replace(/ /gu, '')) ?? [];
}
