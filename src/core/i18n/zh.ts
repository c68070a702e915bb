import { Catalog } from './catalog';
import { MessageKey } from './en';

export const zh: Catalog<MessageKey> = {
  'app.name': '社区团购',
  'menu.openPanel': '打开团长面板',
  'menu.help': '帮助',
  'help.title': '团购怎么进行',
  'help.close': '关闭',
  'help.step.prepare': '准备：维护商品目录，包括价格、每箱数量、起订量和限购。',
  'help.step.open': '开团：插件会生成一个 Google 表单，把链接发到群里。',
  'help.step.collect': '接龙：订单进入“订单”表；楼组志愿者替不会用手机的邻居代下单。',
  'help.step.close': '截单：统计箱数，每位居民收到最终账单。',
  'help.step.receive': '下单与到货：向供应商下单；到货后一键通知大家。',
  'help.step.handOut': '按楼组分发，登记核销和付款。',
  'help.step.settle': '结算：公开账目，收支精确到分。',
  'error.generic': '出错了：{detail}',
  'error.multipleAccounts': '您同时登录了多个 Google 账号。请退出其他账号，或在无痕窗口中打开表格。',
};
