#include "demodata.h"

#include "io/classifyjob.h"
#include "model/types.h"
#include "store/bulk.h"
#include "store/database.h"
#include "store/repositories.h"

#include <QCoreApplication>
#include <QTime>

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <random>
#include <span>
#include <string_view>
#include <vector>

namespace tierdesk::io {
namespace {

// The messages call QCoreApplication::translate directly, so that lupdate files them under this
// context.
Error cancelled()
{
    return Error{
        QCoreApplication::translate("tierdesk::io::Demo", "Creating the demo database was cancelled."), {}};
}

// Day numbers: 0 is the first day of the history, kToday the as-of day.
constexpr int kHistoryDays = 3 * 365;
constexpr int kToday = kHistoryDays;
constexpr int kFollowUpHorizon = 30;
// How long the demo team has worked from TierDesk's queue.
constexpr int kQueueDays = 120;

QString toQString(std::u16string_view s)
{
    return QString(reinterpret_cast<const QChar *>(s.data()), qsizetype(s.size()));
}

// -------------------------------------------------------------------------------------------------
// Randomness. The distributions are written out here rather than taken from <random>: the standard
// fixes mt19937_64's output but not the algorithms of its distributions, and a seed must give the
// same demo with every standard library.

class Random final {
public:
    explicit Random(quint64 seed)
        : m_engine(seed)
    {}

    double uniform() { return double(m_engine() >> 11) * 0x1.0p-53; } ///< [0, 1)
    int below(int n) { return n <= 1 ? 0 : int(uniform() * n); }      ///< [0, n)
    int between(int lo, int hi) { return lo + below(hi - lo + 1); }   ///< [lo, hi]
    bool chance(double p) { return uniform() < p; }
    double normal()
    {
        const double u1 = 1.0 - uniform(); // (0, 1]: log() stays finite
        const double u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
    }
    double logNormal(double median, double sigma) { return median * std::exp(sigma * normal()); }
    double exponential(double mean) { return -mean * std::log(1.0 - uniform()); }
    quint64 digits(int count) ///< a number of `count` decimal digits, leading zeros allowed
    {
        quint64 limit = 1;
        for (int i = 0; i < count; ++i)
            limit *= 10;
        return m_engine() % limit;
    }

private:
    std::mt19937_64 m_engine;
};

/// A discrete distribution over 0 … n-1.
class Weights final {
public:
    Weights() = default;
    Weights(std::initializer_list<double> weights) { assign(weights.begin(), weights.end()); }
    template<typename Range, typename Weight>
    static Weights of(const Range &range, Weight weight)
    {
        Weights w;
        for (const auto &item : range)
            w.push(double(weight(item)));
        return w;
    }

    int pick(Random &r) const
    {
        const double x = r.uniform() * m_cumulative.back();
        const auto it = std::upper_bound(m_cumulative.begin(), m_cumulative.end(), x);
        return int(std::min<std::ptrdiff_t>(it - m_cumulative.begin(), std::ssize(m_cumulative) - 1));
    }

private:
    template<typename It>
    void assign(It first, It last)
    {
        for (; first != last; ++first)
            push(*first);
    }
    void push(double w) { m_cumulative.push_back((m_cumulative.empty() ? 0.0 : m_cumulative.back()) + w); }
    std::vector<double> m_cumulative;
};

/// Builds short texts without a temporary QString per piece: one allocation per result.
class TextBuffer final {
public:
    TextBuffer &operator<<(std::u16string_view s)
    {
        for (char16_t c : s)
            put(c);
        return *this;
    }
    TextBuffer &operator<<(std::string_view ascii)
    {
        for (char c : ascii)
            put(char16_t(c));
        return *this;
    }
    TextBuffer &operator<<(char16_t c)
    {
        put(c);
        return *this;
    }
    /// `ascii` with its first letter in upper case ("zhang" → "Zhang").
    TextBuffer &capitalized(std::string_view ascii)
    {
        for (std::size_t i = 0; i < ascii.size(); ++i) {
            const char c = ascii[i];
            put(char16_t(i == 0 && c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c));
        }
        return *this;
    }
    /// `value` as exactly `width` digits (zero-padded).
    TextBuffer &number(quint64 value, int width, char16_t zero = u'0')
    {
        char16_t tmp[20];
        for (int i = width - 1; i >= 0; --i) {
            tmp[i] = char16_t(zero + value % 10);
            value /= 10;
        }
        for (int i = 0; i < width; ++i)
            put(tmp[i]);
        return *this;
    }
    void clear() { m_size = 0; }
    int size() const { return m_size; }
    QString toString() const { return QString(reinterpret_cast<const QChar *>(m_data.data()), m_size); }

private:
    void put(char16_t c)
    {
        if (m_size < int(m_data.size()))
            m_data[std::size_t(m_size++)] = c;
    }
    std::array<char16_t, 192> m_data{};
    int m_size = 0;
};

int digitCount(quint64 v)
{
    int n = 1;
    while (v >= 10) {
        v /= 10;
        ++n;
    }
    return n;
}

// -------------------------------------------------------------------------------------------------
// The pools. `ascii` is the form used in e-mail addresses and domains (pinyin for Chinese).

struct Entry {
    std::u16string_view text;
    std::string_view ascii = {};
    int weight = 1;
};

constexpr Entry kSurnames[] = {
    {u"王", "wang", 720},      {u"李", "li", 710},     {u"张", "zhang", 680},  {u"刘", "liu", 540},
    {u"陈", "chen", 460},      {u"杨", "yang", 310},   {u"黄", "huang", 220},  {u"赵", "zhao", 200},
    {u"吴", "wu", 200},        {u"周", "zhou", 190},   {u"徐", "xu", 130},     {u"孙", "sun", 120},
    {u"马", "ma", 110},        {u"朱", "zhu", 110},    {u"胡", "hu", 100},     {u"郭", "guo", 100},
    {u"何", "he", 90},         {u"高", "gao", 90},     {u"林", "lin", 90},     {u"罗", "luo", 90},
    {u"郑", "zheng", 80},      {u"梁", "liang", 80},   {u"谢", "xie", 70},     {u"宋", "song", 60},
    {u"唐", "tang", 60},       {u"许", "xu", 60},      {u"韩", "han", 55},     {u"冯", "feng", 55},
    {u"邓", "deng", 55},       {u"曹", "cao", 50},     {u"彭", "peng", 50},    {u"曾", "zeng", 50},
    {u"肖", "xiao", 50},       {u"田", "tian", 45},    {u"董", "dong", 45},    {u"袁", "yuan", 45},
    {u"潘", "pan", 40},        {u"于", "yu", 40},      {u"蒋", "jiang", 40},   {u"蔡", "cai", 40},
    {u"余", "yu", 40},         {u"杜", "du", 40},      {u"叶", "ye", 40},      {u"程", "cheng", 40},
    {u"苏", "su", 35},         {u"魏", "wei", 35},     {u"吕", "lv", 35},      {u"丁", "ding", 35},
    {u"任", "ren", 35},        {u"沈", "shen", 35},    {u"姚", "yao", 30},     {u"卢", "lu", 30},
    {u"姜", "jiang", 30},      {u"崔", "cui", 30},     {u"钟", "zhong", 30},   {u"谭", "tan", 30},
    {u"陆", "lu", 30},         {u"汪", "wang", 30},    {u"范", "fan", 30},     {u"金", "jin", 30},
    {u"石", "shi", 30},        {u"廖", "liao", 30},    {u"贾", "jia", 25},     {u"夏", "xia", 25},
    {u"韦", "wei", 25},        {u"方", "fang", 25},    {u"白", "bai", 25},     {u"邹", "zou", 25},
    {u"孟", "meng", 25},       {u"熊", "xiong", 25},   {u"秦", "qin", 25},     {u"邱", "qiu", 25},
    {u"江", "jiang", 25},      {u"尹", "yin", 20},     {u"薛", "xue", 20},     {u"闫", "yan", 20},
    {u"段", "duan", 20},       {u"雷", "lei", 20},     {u"侯", "hou", 20},     {u"龙", "long", 20},
    {u"史", "shi", 20},        {u"陶", "tao", 20},     {u"黎", "li", 20},      {u"贺", "he", 20},
    {u"顾", "gu", 20},         {u"毛", "mao", 20},     {u"郝", "hao", 20},     {u"龚", "gong", 20},
    {u"邵", "shao", 20},       {u"万", "wan", 15},     {u"钱", "qian", 15},    {u"严", "yan", 15},
    {u"武", "wu", 15},         {u"戴", "dai", 15},     {u"莫", "mo", 15},      {u"孔", "kong", 15},
    {u"向", "xiang", 15},      {u"汤", "tang", 15},    {u"欧阳", "ouyang", 8}, {u"司马", "sima", 2},
    {u"上官", "shangguan", 2}, {u"诸葛", "zhuge", 1},  {u"慕容", "murong", 1}, {u"东方", "dongfang", 1},
    {u"皇甫", "huangfu", 1},   {u"令狐", "linghu", 1},
};

constexpr Entry kGivenNames[] = {
    {u"伟", "wei", 40},       {u"芳", "fang", 30},      {u"娜", "na", 25},        {u"敏", "min", 22},
    {u"静", "jing", 22},      {u"丽", "li", 18},        {u"强", "qiang", 18},     {u"磊", "lei", 18},
    {u"军", "jun", 16},       {u"洋", "yang", 16},      {u"勇", "yong", 14},      {u"艳", "yan", 14},
    {u"杰", "jie", 14},       {u"娟", "juan", 12},      {u"涛", "tao", 12},       {u"明", "ming", 12},
    {u"超", "chao", 12},      {u"秀英", "xiuying", 14}, {u"霞", "xia", 10},       {u"平", "ping", 10},
    {u"刚", "gang", 10},      {u"桂英", "guiying", 8},  {u"华", "hua", 8},        {u"建华", "jianhua", 8},
    {u"建国", "jianguo", 6},  {u"丹", "dan", 8},        {u"萍", "ping", 8},       {u"鹏", "peng", 8},
    {u"辉", "hui", 8},        {u"玲", "ling", 8},       {u"婷", "ting", 10},      {u"雪", "xue", 6},
    {u"斌", "bin", 6},        {u"宇", "yu", 8},         {u"浩", "hao", 8},        {u"凯", "kai", 6},
    {u"健", "jian", 6},       {u"俊", "jun", 6},        {u"帆", "fan", 5},        {u"鑫", "xin", 6},
    {u"欣", "xin", 5},        {u"子涵", "zihan", 8},    {u"梓涵", "zihan", 5},    {u"一诺", "yinuo", 5},
    {u"浩然", "haoran", 6},   {u"宇轩", "yuxuan", 6},   {u"欣怡", "xinyi", 6},    {u"思远", "siyuan", 4},
    {u"雨萱", "yuxuan", 4},   {u"诗涵", "shihan", 5},   {u"子轩", "zixuan", 5},   {u"晓东", "xiaodong", 6},
    {u"晓明", "xiaoming", 6}, {u"晓燕", "xiaoyan", 6},  {u"海燕", "haiyan", 5},   {u"海涛", "haitao", 5},
    {u"志强", "zhiqiang", 6}, {u"志明", "zhiming", 4},  {u"文博", "wenbo", 4},    {u"文静", "wenjing", 5},
    {u"春梅", "chunmei", 5},  {u"丽娟", "lijuan", 5},   {u"红梅", "hongmei", 5},  {u"玉兰", "yulan", 4},
    {u"国强", "guoqiang", 5}, {u"建军", "jianjun", 5},  {u"永刚", "yonggang", 3}, {u"佳怡", "jiayi", 5},
    {u"嘉欣", "jiaxin", 4},   {u"俊杰", "junjie", 5},   {u"天宇", "tianyu", 4},   {u"博文", "bowen", 4},
    {u"美玲", "meiling", 4},  {u"慧敏", "huimin", 4},   {u"雅琴", "yaqin", 3},    {u"少华", "shaohua", 3},
    {u"振华", "zhenhua", 3},  {u"立新", "lixin", 3},    {u"德明", "deming", 3},   {u"晨", "chen", 5},
    {u"琳", "lin", 5},        {u"颖", "ying", 5},       {u"倩", "qian", 5},       {u"蕾", "lei", 4},
    {u"楠", "nan", 4},        {u"阳", "yang", 5},       {u"昊", "hao", 4},        {u"峰", "feng", 5},
    {u"波", "bo", 5},         {u"亮", "liang", 5},      {u"飞", "fei", 5},        {u"宁", "ning", 4},
    {u"彬", "bin", 3},        {u"璐", "lu", 4},         {u"晶", "jing", 4},       {u"瑶", "yao", 4},
    {u"佳", "jia", 4},        {u"莉", "li", 4},         {u"梦琪", "mengqi", 3},   {u"雨桐", "yutong", 4},
    {u"语嫣", "yuyan", 2},    {u"嘉怡", "jiayi", 3},    {u"家豪", "jiahao", 3},   {u"锦程", "jincheng", 2},
    {u"明轩", "mingxuan", 3}, {u"子墨", "zimo", 3},     {u"泽宇", "zeyu", 3},     {u"晓峰", "xiaofeng", 4},
    {u"小红", "xiaohong", 3}, {u"建平", "jianping", 3}, {u"淑珍", "shuzhen", 3},  {u"秀兰", "xiulan", 3},
    {u"凤英", "fengying", 3}, {u"玉梅", "yumei", 3},    {u"文华", "wenhua", 3},   {u"金凤", "jinfeng", 2},
    {u"思琪", "siqi", 3},
};

/// English names as Chinese colleagues use them ("Kevin Zhang").
constexpr Entry kEnglishNames[] = {
    {u"Kevin", "kevin"},   {u"Tony", "tony"},       {u"Jack", "jack"},       {u"Eric", "eric"},
    {u"Jason", "jason"},   {u"David", "david"},     {u"Michael", "michael"}, {u"Peter", "peter"},
    {u"Leo", "leo"},       {u"Frank", "frank"},     {u"Steven", "steven"},   {u"Vincent", "vincent"},
    {u"Allen", "allen"},   {u"Alex", "alex"},       {u"Andy", "andy"},       {u"Sam", "sam"},
    {u"Ryan", "ryan"},     {u"Ben", "ben"},         {u"Grace", "grace"},     {u"Amy", "amy"},
    {u"Cindy", "cindy"},   {u"Lily", "lily"},       {u"Vivian", "vivian"},   {u"Coco", "coco"},
    {u"Helen", "helen"},   {u"Linda", "linda"},     {u"Emily", "emily"},     {u"Jenny", "jenny"},
    {u"Sophie", "sophie"}, {u"Annie", "annie"},     {u"Tina", "tina"},       {u"Echo", "echo"},
    {u"Sunny", "sunny"},   {u"Cherry", "cherry"},   {u"Iris", "iris"},       {u"Joyce", "joyce"},
    {u"Wendy", "wendy"},   {u"Crystal", "crystal"},
};

constexpr Entry kLatinFirstNames[] = {
    {u"James", "james"},     {u"John", "john"},         {u"Robert", "robert"},       {u"Michael", "michael"},
    {u"David", "david"},     {u"William", "william"},   {u"Thomas", "thomas"},       {u"Daniel", "daniel"},
    {u"Matthew", "matthew"}, {u"Andrew", "andrew"},     {u"Mark", "mark"},           {u"Paul", "paul"},
    {u"Lucas", "lucas"},     {u"Noah", "noah"},         {u"Liam", "liam"},           {u"Oliver", "oliver"},
    {u"Ethan", "ethan"},     {u"Peter", "peter"},       {u"Martin", "martin"},       {u"Stefan", "stefan"},
    {u"Pierre", "pierre"},   {u"Marco", "marco"},       {u"Luca", "luca"},           {u"Carlos", "carlos"},
    {u"Diego", "diego"},     {u"Raj", "raj"},           {u"Ahmed", "ahmed"},         {u"Hiroshi", "hiroshi"},
    {u"Kenji", "kenji"},     {u"Emma", "emma"},         {u"Olivia", "olivia"},       {u"Sophia", "sophia"},
    {u"Mia", "mia"},         {u"Isabella", "isabella"}, {u"Charlotte", "charlotte"}, {u"Amelia", "amelia"},
    {u"Emily", "emily"},     {u"Sarah", "sarah"},       {u"Jessica", "jessica"},     {u"Laura", "laura"},
    {u"Anna", "anna"},       {u"Maria", "maria"},       {u"Elena", "elena"},         {u"Hannah", "hannah"},
    {u"Julia", "julia"},     {u"Marie", "marie"},       {u"Giulia", "giulia"},       {u"Sofia", "sofia"},
    {u"Priya", "priya"},     {u"Fatima", "fatima"},     {u"Yuki", "yuki"},           {u"Aiko", "aiko"},
    {u"José", "jose"},       {u"Zoë", "zoe"},
};

constexpr Entry kLatinLastNames[] = {
    {u"Smith", "smith"},       {u"Johnson", "johnson"},     {u"Williams", "williams"},
    {u"Brown", "brown"},       {u"Jones", "jones"},         {u"Miller", "miller"},
    {u"Davis", "davis"},       {u"Garcia", "garcia"},       {u"Wilson", "wilson"},
    {u"Anderson", "anderson"}, {u"Taylor", "taylor"},       {u"Moore", "moore"},
    {u"Jackson", "jackson"},   {u"Martin", "martin"},       {u"Lee", "lee"},
    {u"Thompson", "thompson"}, {u"White", "white"},         {u"Harris", "harris"},
    {u"Clark", "clark"},       {u"Lewis", "lewis"},         {u"Walker", "walker"},
    {u"Young", "young"},       {u"King", "king"},           {u"Wright", "wright"},
    {u"Scott", "scott"},       {u"Green", "green"},         {u"Baker", "baker"},
    {u"Müller", "mueller"},    {u"Schmidt", "schmidt"},     {u"Schneider", "schneider"},
    {u"Fischer", "fischer"},   {u"Weber", "weber"},         {u"Dubois", "dubois"},
    {u"Bernard", "bernard"},   {u"Rossi", "rossi"},         {u"Russo", "russo"},
    {u"Ferrari", "ferrari"},   {u"Silva", "silva"},         {u"Santos", "santos"},
    {u"Kim", "kim"},           {u"Park", "park"},           {u"Tanaka", "tanaka"},
    {u"Suzuki", "suzuki"},     {u"Sato", "sato"},           {u"Nguyen", "nguyen"},
    {u"Tran", "tran"},         {u"Patel", "patel"},         {u"Sharma", "sharma"},
    {u"Khan", "khan"},         {u"Novak", "novak"},         {u"Jensen", "jensen"},
    {u"Hansen", "hansen"},     {u"Andersson", "andersson"}, {u"O'Brien", "obrien"},
};

/// Shop names of Chinese companies ("明华" in 上海明华贸易有限公司).
constexpr Entry kBrands[] = {
    {u"明华", "minghua"},    {u"华信", "huaxin"},     {u"恒达", "hengda"},    {u"宏远", "hongyuan"},
    {u"金鼎", "jinding"},    {u"鑫源", "xinyuan"},    {u"瑞丰", "ruifeng"},   {u"盛世", "shengshi"},
    {u"天成", "tiancheng"},  {u"永泰", "yongtai"},    {u"嘉禾", "jiahe"},     {u"华瑞", "huarui"},
    {u"中科", "zhongke"},    {u"博远", "boyuan"},     {u"润达", "runda"},     {u"新锐", "xinrui"},
    {u"东方", "dongfang"},   {u"远航", "yuanhang"},   {u"海纳", "haina"},     {u"聚力", "juli"},
    {u"同创", "tongchuang"}, {u"汇通", "huitong"},    {u"万象", "wanxiang"},  {u"锦程", "jincheng"},
    {u"晨光", "chenguang"},  {u"星辰", "xingchen"},   {u"凯瑞", "kairui"},    {u"德胜", "desheng"},
    {u"信达", "xinda"},      {u"安泰", "antai"},      {u"顺发", "shunfa"},    {u"宏图", "hongtu"},
    {u"众诚", "zhongcheng"}, {u"卓越", "zhuoyue"},    {u"优品", "youpin"},    {u"乐佳", "lejia"},
    {u"美联", "meilian"},    {u"华美", "huamei"},     {u"百川", "baichuan"},  {u"长青", "changqing"},
    {u"金桥", "jinqiao"},    {u"联创", "lianchuang"}, {u"思源", "siyuan"},    {u"智远", "zhiyuan"},
    {u"云帆", "yunfan"},     {u"蓝海", "lanhai"},     {u"正泰", "zhengtai"},  {u"宝利", "baoli"},
    {u"国泰", "guotai"},     {u"华夏", "huaxia"},     {u"恒信", "hengxin"},   {u"天瑞", "tianrui"},
    {u"鼎盛", "dingsheng"},  {u"昌隆", "changlong"},  {u"光明", "guangming"}, {u"创维", "chuangwei"},
};

constexpr Entry kIndustries[] = {
    {u"贸易", "trade", 10},
    {u"科技", "tech", 10},
    {u"电子", "elec", 6},
    {u"商贸", "trading", 7},
    {u"实业", "industry", 5},
    {u"机械", "machinery", 4},
    {u"网络科技", "net", 5},
    {u"信息技术", "it", 4},
    {u"食品", "food", 4},
    {u"服饰", "fashion", 3},
    {u"建材", "bm", 3},
    {u"医疗器械", "medical", 3},
    {u"文化传媒", "media", 3},
    {u"物流", "logistics", 3},
    {u"餐饮管理", "catering", 2},
    {u"电器", "appliance", 3},
    {u"化工", "chem", 2},
    {u"包装", "pack", 2},
    {u"家居", "home", 3},
    {u"教育科技", "edu", 2},
    {u"五金", "hardware", 3},
    {u"纺织", "textile", 2},
    {u"汽车配件", "autoparts", 2},
    {u"环保科技", "eco", 2},
};

constexpr Entry kCompanySuffixes[] = {
    {u"有限公司", "", 70}, {u"有限责任公司", "", 12}, {u"股份有限公司", "", 8}, {u"集团有限公司", "", 3}};

constexpr Entry kGovernmentBodies[] = {
    {u"教育局"},           {u"卫生健康委员会"},
    {u"交通运输局"},       {u"市场监督管理局"},
    {u"第一人民医院"},     {u"人民医院"},
    {u"第一中学"},         {u"实验小学"},
    {u"公安局"},           {u"财政局"},
    {u"城市管理局"},       {u"图书馆"},
    {u"档案馆"},           {u"体育局"},
    {u"文化和旅游局"},     {u"自然资源局"},
    {u"生态环境局"},       {u"住房和城乡建设局"},
    {u"疾病预防控制中心"}, {u"机关事务管理局"},
    {u"科学技术局"},       {u"人力资源和社会保障局"},
    {u"妇幼保健院"},       {u"职业技术学院"},
};

constexpr std::u16string_view kLatinCompanyWords[] = {
    u"Atlas",    u"Summit",     u"Pioneer", u"Harbor",    u"Evergreen", u"Northwind",
    u"Bluepeak", u"Silverline", u"Apex",    u"Nova",      u"Orion",     u"Meridian",
    u"Keystone", u"Crescent",   u"Vertex",  u"Horizon",   u"Sterling",  u"Brightway",
    u"Pacific",  u"Lighthouse", u"Redwood", u"Oakridge",  u"Riverside", u"Starlight",
    u"Trident",  u"Unity",      u"Vantage", u"Westbrook", u"Zenith",    u"Coastal",
};
constexpr std::string_view kLatinCompanyAscii[] = {
    "atlas",    "summit",    "pioneer", "harbor",     "evergreen", "northwind", "bluepeak",  "silverline",
    "apex",     "nova",      "orion",   "meridian",   "keystone",  "crescent",  "vertex",    "horizon",
    "sterling", "brightway", "pacific", "lighthouse", "redwood",   "oakridge",  "riverside", "starlight",
    "trident",  "unity",     "vantage", "westbrook",  "zenith",    "coastal",
};
static_assert(std::size(kLatinCompanyWords) == std::size(kLatinCompanyAscii));

constexpr Entry kLatinIndustries[] = {
    {u"Trading", "trading"},       {u"Imports", "imports"},         {u"Supply", "supply"},
    {u"Technologies", "tech"},     {u"Electronics", "electronics"}, {u"Distribution", "distribution"},
    {u"Foods", "foods"},           {u"Logistics", "logistics"},     {u"Home", "home"},
    {u"Industrial", "industrial"}, {u"Retail", "retail"},           {u"Solutions", "solutions"},
};

struct CityDef {
    std::u16string_view name;
    std::u16string_view areaCode; ///< with the leading 0
    int weight;
};

constexpr CityDef kCities[] = {
    {u"上海", u"021", 14}, {u"北京", u"010", 12}, {u"深圳", u"0755", 10}, {u"广州", u"020", 9},
    {u"杭州", u"0571", 7}, {u"成都", u"028", 6},  {u"南京", u"025", 5},   {u"武汉", u"027", 5},
    {u"苏州", u"0512", 5}, {u"重庆", u"023", 4},  {u"西安", u"029", 4},   {u"天津", u"022", 3},
    {u"长沙", u"0731", 3}, {u"郑州", u"0371", 3}, {u"青岛", u"0532", 3},  {u"宁波", u"0574", 3},
    {u"厦门", u"0592", 3}, {u"东莞", u"0769", 3}, {u"佛山", u"0757", 2},  {u"合肥", u"0551", 2},
    {u"济南", u"0531", 2}, {u"沈阳", u"024", 2},  {u"大连", u"0411", 2},  {u"昆明", u"0871", 2},
    {u"福州", u"0591", 2}, {u"无锡", u"0510", 2}, {u"义乌", u"0579", 2},  {u"温州", u"0577", 1},
};

struct ForeignDef {
    std::u16string_view city;
    std::u16string_view phone; ///< '#' stands for a digit
    std::u16string_view companySuffix;
    std::string_view tld;
    int weight;
};

constexpr ForeignDef kForeign[] = {
    {u"Singapore", u"+65 9### ####", u"Pte. Ltd.", "com.sg", 12},
    {u"Hong Kong", u"+852 9### ####", u"Limited", "com.hk", 10},
    {u"Hamburg", u"+49 40 ########", u"GmbH", "de", 7},
    {u"Los Angeles", u"+1 (310) 4##-####", u"Inc.", "com", 8},
    {u"London", u"+44 20 7### ####", u"Ltd", "co.uk", 6},
    {u"Tokyo", u"+81 3-####-####", u"Co., Ltd.", "co.jp", 6},
    {u"Seoul", u"+82 2-####-####", u"Co., Ltd.", "co.kr", 5},
    {u"Dubai", u"+971 4 ### ####", u"LLC", "ae", 6},
    {u"Sydney", u"+61 2 #### ####", u"Pty Ltd", "com.au", 5},
    {u"Ho Chi Minh City", u"+84 28 #### ####", u"JSC", "vn", 5},
    {u"Bangkok", u"+66 2 ### ####", u"Co., Ltd.", "co.th", 4},
    {u"Milan", u"+39 02 #### ####", u"S.r.l.", "it", 4},
    {u"Kuala Lumpur", u"+60 3-#### ####", u"Sdn. Bhd.", "com.my", 4},
};

constexpr Entry kPersonalMailDomains[] = {
    {u"", "qq.com", 35},     {u"", "163.com", 25}, {u"", "126.com", 10},  {u"", "sina.com", 4},
    {u"", "foxmail.com", 5}, {u"", "139.com", 3},  {u"", "gmail.com", 4}, {u"", "outlook.com", 4},
    {u"", "hotmail.com", 3}, {u"", "yeah.net", 2}, {u"", "sohu.com", 2},  {u"", "aliyun.com", 3},
};

constexpr Entry kForeignMailDomains[] = {
    {u"", "gmail.com", 50}, {u"", "outlook.com", 25}, {u"", "yahoo.com", 15}, {u"", "hotmail.com", 10}};

constexpr int kMobilePrefixes[] = {130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 150, 151, 152,
                                   153, 155, 156, 157, 158, 159, 166, 173, 175, 176, 177, 178, 180,
                                   181, 182, 183, 184, 185, 186, 187, 188, 189, 191, 198, 199};

constexpr std::u16string_view kChineseOwners[] = {u"陈静", u"王磊",   u"李娜",   u"刘洋", u"赵敏", u"孙浩",
                                                  u"周婷", u"黄俊杰", u"吴晓东", u"林芳", u"郑凯", u"何雪"};
constexpr std::u16string_view kLatinOwners[] = {u"Kevin Zhang", u"Amy Chen",     u"Grace Liu",
                                                u"Tony Wang",   u"David Miller", u"Sophie Martin"};

// Notes. Each category lists its Chinese notes, then its English ones.
struct NoteSet {
    std::span<const std::u16string_view> zh;
    std::span<const std::u16string_view> en;
};

constexpr std::u16string_view kOrderNotesZh[] = {u"补货",     u"季度采购", u"展会订单", u"年度框架协议",
                                                 u"加急发货", u"含运费",   u"分批发货", u"月结"};
constexpr std::u16string_view kOrderNotesEn[] = {u"Restock", u"Annual contract", u"Urgent delivery",
                                                 u"Net 30 payment"};
constexpr std::u16string_view kFirstOrderNotesZh[] = {u"首单", u"试单", u"样品转正式订单"};
constexpr std::u16string_view kFirstOrderNotesEn[] = {u"First order", u"Trial order"};
constexpr std::u16string_view kRefundNotesZh[] = {u"退货退款", u"质量问题退款", u"部分退款", u"发错货退款"};
constexpr std::u16string_view kRefundNotesEn[] = {u"Refund: damaged goods", u"Refund: returned items"};

constexpr std::u16string_view kProspectZh[] = {
    u"初次联系，介绍公司和产品",   u"客户有兴趣，要求发报价单",   u"已发产品目录，下周再跟进",
    u"已寄样品，等待客户测试结果", u"客户在比价，等他们内部开会", u"约了下周上门拜访",
    u"需求不明确，先保持联系",     u"已加微信，发资料了",         u"预算要等下季度",
    u"老板出差，下周回来再谈",     u"对新品感兴趣，要求演示",     u"客户说暂时不需要，过段时间再联系"};
constexpr std::u16string_view kProspectEn[] = {u"First contact, introduced our products",
                                               u"Interested, asked for a quotation",
                                               u"Sent the catalogue, follow up next week",
                                               u"Wants a demo of the new model",
                                               u"Comparing suppliers, call back after their meeting",
                                               u"Budget only next quarter"};
constexpr std::u16string_view kClosingZh[] = {u"客户口头同意，等合同", u"已交定金，等排产",
                                              u"合同审批中，本周出结果", u"报价已确认，等盖章"};
constexpr std::u16string_view kClosingEn[] = {u"Verbal yes, waiting for the contract", u"Deposit paid"};
constexpr std::u16string_view kAccountZh[] = {u"客户反馈上批货质量不错", u"询问价格，觉得偏贵，申请折扣",
                                              u"催款，客户说月底付",     u"客户投诉物流慢，已协调",
                                              u"续签合同，意向很强",     u"介绍新品，客户说考虑一下",
                                              u"回访，客户使用正常",     u"客户要开增值税专用发票",
                                              u"客户计划扩大采购量",     u"对账完成"};
constexpr std::u16string_view kAccountEn[] = {
    u"Happy with the last delivery", u"Asked about a bulk discount", u"Payment due end of month",
    u"Plans to order more next quarter", u"Routine check-in, all fine"};
constexpr std::u16string_view kOrderCallZh[] = {u"确认订单细节，本周发货", u"客户确认下单，安排发货",
                                                u"核对发票抬头和收货地址", u"报价已确认，客户下单"};
constexpr std::u16string_view kOrderCallEn[] = {u"Confirmed the order details",
                                                u"Order confirmed, arranging shipment"};
constexpr std::u16string_view kInboundZh[] = {u"客户来电询价", u"客户来电咨询售后", u"客户来电催发货",
                                              u"客户来电下单", u"客户来电要发票"};
constexpr std::u16string_view kInboundEn[] = {u"Customer called about the delivery status",
                                              u"Inbound: asked for the price list"};
constexpr std::u16string_view kWinBackZh[] = {u"客户说最近没有需求", u"已转向其他供应商，价格原因",
                                              u"客户说预算砍了，明年再看", u"发了新品优惠，客户说考虑一下"};
constexpr std::u16string_view kWinBackEn[] = {u"Switched to another supplier", u"No need at the moment"};
constexpr std::u16string_view kNoAnswerZh[] = {u"无人接听", u"未接通", u"响铃无人接，稍后再打", u"关机"};
constexpr std::u16string_view kNoAnswerEn[] = {u"No answer"};
constexpr std::u16string_view kVoicemailZh[] = {u"已留言", u"转语音信箱，已留言", u"发了短信提醒回电"};
constexpr std::u16string_view kVoicemailEn[] = {u"Left voicemail"};
constexpr std::u16string_view kBusyZh[] = {u"占线", u"客户在开会，稍后回电", u"正在通话中"};
constexpr std::u16string_view kBusyEn[] = {u"Line busy", u"In a meeting, call back later"};
constexpr std::u16string_view kWrongZh[] = {u"号码错误", u"空号", u"对方说打错了", u"号码已停机"};
constexpr std::u16string_view kWrongEn[] = {u"Wrong number"};

enum NoteKind {
    OrderNote,
    FirstOrderNote,
    RefundNote,
    ProspectNote,
    ClosingNote,
    AccountNote,
    OrderCallNote,
    InboundNote,
    WinBackNote,
    NoAnswerNote,
    VoicemailNote,
    BusyNote,
    WrongNote,
    NoteKindCount
};

constexpr NoteSet kNoteSets[NoteKindCount] = {
    {kOrderNotesZh, kOrderNotesEn},
    {kFirstOrderNotesZh, kFirstOrderNotesEn},
    {kRefundNotesZh, kRefundNotesEn},
    {kProspectZh, kProspectEn},
    {kClosingZh, kClosingEn},
    {kAccountZh, kAccountEn},
    {kOrderCallZh, kOrderCallEn},
    {kInboundZh, kInboundEn},
    {kWinBackZh, kWinBackEn},
    {kNoAnswerZh, kNoAnswerEn},
    {kVoicemailZh, kVoicemailEn},
    {kBusyZh, kBusyEn},
    {kWrongZh, kWrongEn},
};

// -------------------------------------------------------------------------------------------------
// How each type of customer buys.

struct TypeProfile {
    double amountMedian;    ///< yuan, per order of a typical customer
    double ordersPerYear;   ///< median rate
    int marginLo, marginHi; ///< gross margin, per mille
    double noEmail;
    double landline; ///< share with an office number instead of a mobile
    double vipSpend; ///< lifetime spend (yuan) from which a customer may be tagged vip
};

constexpr TypeProfile kProfiles[] = {
    /* individual */ {680, 2.0, 250, 450, 0.45, 0.03, 12'000},
    /* enterprise */ {9'800, 4.5, 150, 350, 0.15, 0.40, 300'000},
    /* government */ {36'000, 2.0, 100, 250, 0.35, 0.55, 500'000},
    /* channel */ {18'000, 9.0, 80, 180, 0.30, 0.25, 800'000},
};

const TypeProfile &profile(CustomerType t)
{
    return kProfiles[int(t)];
}

enum class Origin : std::uint8_t { Chinese, EnglishNamed, Foreign };

/// The e-mail forms of a name ("wang", "wei"); they point into the pools.
struct NameParts {
    std::string_view family, given;
};

struct Phone {
    enum Kind : std::uint8_t { None, Mobile, Landline, Foreign };
    Kind kind = None;
    std::uint8_t place = 0;  ///< city (landline) or foreign place
    std::uint8_t format = 0; ///< how it is written
    quint64 number = 0;      ///< mobile: 11 digits; landline: 8 digits; foreign: the '#' digits
};

/// What a later duplicate may copy from an earlier customer.
struct Recent {
    Origin origin = Origin::Chinese;
    CustomerType type = CustomerType::Individual;
    int city = 0;
    Phone phone;
    QString name, company, email;
};

// Records kept until every customer is written, then inserted in chronological order.
struct PendingOrder {
    qint64 amount; ///< cents
    qint32 customer;
    qint32 day;
    qint16 margin; ///< per mille; -1: profit unknown
    quint16 note;
};

struct PendingCall {
    qint32 customer;
    qint32 day;
    qint32 second;   ///< of the day
    qint32 duration; ///< -1: not recorded
    quint16 note;
    Outcome outcome;
    quint8 followUp; ///< days after the call; 0: none
    bool inbound;
};

enum class Warmth : std::uint8_t { S, A, B, C, D, Cold };

// Mobile number formats: all give the same duplicate key.
constexpr int kMobileFormats = 9;
const Weights kMobileFormatWeights{88, 28, 24, 20, 12, 8, 8, 6, 1};
// Landline formats: 0–3 give the same key; 4 (+86 without the trunk 0) and 5 (extension) do not.
const Weights kLandlineFormatWeights{45, 15, 10, 12, 8, 5};

// -------------------------------------------------------------------------------------------------

class Generator final {
public:
    Generator(store::BulkImport &bulk, const DemoOptions &options, const std::function<bool(int)> &progress);
    Result<DemoSummary> run();

private:
    bool report(int percent);
    QDate date(int day) const { return QDate::fromJulianDay(m_firstJulianDay + day); }
    int dayOfWeek(int day) const { return int((m_firstJulianDay + day) % 7) + 1; } ///< 1 Monday … 7 Sunday
    int workday(int day, int lo, int hi, double keepSaturday);
    std::vector<int> creationDays();
    void buildTeam();

    Result<void> customer(int id, int created);
    NameParts makeName(Origin origin);
    QString makeCompany(Origin origin, CustomerType type, int city, int foreign, std::string_view &domainWord,
                        std::string_view &domainIndustry);
    QString renderPhone(const Phone &p);
    Phone makePhone(Origin origin, CustomerType type, int city, int foreign);
    QString makeEmail(Origin origin, CustomerType type, NameParts name, std::string_view domainWord,
                      std::string_view domainIndustry, int foreign);
    quint16 note(NoteKind kind, bool english);
    int timeOfDay(int day);
    int followUpDays(int day, Warmth w);
    void addCall(int customer, int day, Outcome outcome, bool inbound, NoteKind kind, bool english, Warmth w,
                 double followUpChance);
    Outcome outcome(const Weights &w) { return Outcome(w.pick(m_rng)); }

    store::BulkImport &m_bulk;
    const DemoOptions &m_options;
    const std::function<bool(int)> &m_progress;
    Random m_rng;
    qint64 m_firstJulianDay = 0;
    int m_lastPercent = -1;

    // Pools, as QStrings once.
    std::vector<QString> m_cities, m_foreignCities, m_team, m_notes;
    std::array<std::pair<quint16, quint16>, NoteKindCount>
        m_noteRanges{}; ///< [zh begin, en begin), [en begin, end)
    std::array<quint16, NoteKindCount> m_noteEnds{};
    std::vector<QString> m_fairTags; ///< 展会2023 … by year offset
    int m_firstYear = 0;
    QString m_tagOld, m_tagHot, m_tagVip, m_tagWholesale, m_tagReferral, m_tagWeb, m_tag1688, m_tagDouyin,
        m_tagCold, m_tagPrice, m_tagInvoice, m_tagComplained, m_tagSample, m_tagCantonFair, m_tagLinkedIn;
    Weights m_surnames, m_given, m_english, m_latinFirst, m_latinLast, m_brands, m_industries, m_suffixes,
        m_government, m_latinIndustries, m_cityWeights, m_foreignWeights, m_personalDomains, m_foreignDomains,
        m_teamWeights;

    Customer m_customer;
    std::vector<Recent> m_recent;
    std::vector<PendingOrder> m_orders;
    std::vector<PendingCall> m_calls;
    std::vector<int> m_scratchDays;
};

Generator::Generator(store::BulkImport &bulk, const DemoOptions &options,
                     const std::function<bool(int)> &progress)
    : m_bulk(bulk)
    , m_options(options)
    , m_progress(progress)
    , m_rng(options.seed)
{
    const QDate today = options.today.isValid() ? options.today : QDate::currentDate();
    m_firstJulianDay = today.toJulianDay() - kHistoryDays;

    for (const CityDef &c : kCities)
        m_cities.push_back(toQString(c.name));
    for (const ForeignDef &f : kForeign)
        m_foreignCities.push_back(toQString(f.city));

    m_notes.emplace_back(); // index 0: no note
    for (int k = 0; k < NoteKindCount; ++k) {
        const quint16 zh = quint16(m_notes.size());
        for (auto s : kNoteSets[k].zh)
            m_notes.push_back(toQString(s));
        const quint16 en = quint16(m_notes.size());
        for (auto s : kNoteSets[k].en)
            m_notes.push_back(toQString(s));
        m_noteRanges[std::size_t(k)] = {zh, en};
        m_noteEnds[std::size_t(k)] = quint16(m_notes.size());
    }

    m_firstYear = date(0).year();
    for (int y = m_firstYear; y <= today.year(); ++y)
        m_fairTags.push_back(QStringLiteral("展会") + QString::number(y));
    m_tagOld = QStringLiteral("老客户");
    m_tagHot = QStringLiteral("高潜力");
    m_tagVip = QStringLiteral("vip");
    m_tagWholesale = QStringLiteral("wholesale");
    m_tagReferral = QStringLiteral("转介绍");
    m_tagWeb = QStringLiteral("官网询盘");
    m_tag1688 = QStringLiteral("1688询盘");
    m_tagDouyin = QStringLiteral("抖音");
    m_tagCold = QStringLiteral("陌拜");
    m_tagPrice = QStringLiteral("价格敏感");
    m_tagInvoice = QStringLiteral("需开票");
    m_tagComplained = QStringLiteral("投诉过");
    m_tagSample = QStringLiteral("样品已寄");
    m_tagCantonFair = QStringLiteral("广交会");
    m_tagLinkedIn = QStringLiteral("LinkedIn");

    auto w = [](const Entry &e) { return e.weight; };
    m_surnames = Weights::of(kSurnames, w);
    m_given = Weights::of(kGivenNames, w);
    m_english = Weights::of(kEnglishNames, w);
    m_latinFirst = Weights::of(kLatinFirstNames, w);
    m_latinLast = Weights::of(kLatinLastNames, w);
    m_brands = Weights::of(kBrands, w);
    m_industries = Weights::of(kIndustries, w);
    m_suffixes = Weights::of(kCompanySuffixes, w);
    m_government = Weights::of(kGovernmentBodies, w);
    m_latinIndustries = Weights::of(kLatinIndustries, w);
    m_personalDomains = Weights::of(kPersonalMailDomains, w);
    m_foreignDomains = Weights::of(kForeignMailDomains, w);
    m_cityWeights = Weights::of(kCities, [](const CityDef &c) { return c.weight; });
    m_foreignWeights = Weights::of(kForeign, [](const ForeignDef &f) { return f.weight; });
}

bool Generator::report(int percent)
{
    percent = std::clamp(percent, 0, 100);
    if (percent == m_lastPercent || !m_progress)
        return true;
    m_lastPercent = percent;
    return m_progress(percent);
}

/// Moves most weekend days to the nearest workday within [lo, hi]; Saturdays stay with
/// probability `keepSaturday` (many small teams work some Saturdays).
int Generator::workday(int day, int lo, int hi, double keepSaturday)
{
    const int dow = dayOfWeek(day);
    if (dow == 6 && !m_rng.chance(keepSaturday)) {
        if (day + 2 <= hi)
            return day + 2;
        if (day - 1 >= lo)
            return day - 1;
    } else if (dow == 7 && !m_rng.chance(0.05)) {
        if (day + 1 <= hi)
            return day + 1;
        if (day - 2 >= lo)
            return day - 2;
    }
    return day;
}

/// The creation days of all customers, ascending (ids follow creation). The business grows:
/// twice as many customers join per day at the end of the history as at its start.
std::vector<int> Generator::creationDays()
{
    const int n = m_options.customers;
    std::vector<int> days(static_cast<std::size_t>(n));
    const double g = std::log(2.0);
    for (int i = 0; i < n; ++i) {
        const double u = (i + m_rng.uniform()) / n;
        const double t = std::log1p(u * (std::exp(g) - 1.0)) / g;
        const int day = std::min(kToday, int(t * (kHistoryDays + 1)));
        days[std::size_t(i)] = workday(day, 0, kToday, 0.1);
    }
    std::sort(days.begin(), days.end());
    return days;
}

void Generator::buildTeam()
{
    std::vector<std::u16string_view> zh(std::begin(kChineseOwners), std::end(kChineseOwners));
    std::vector<std::u16string_view> en(std::begin(kLatinOwners), std::end(kLatinOwners));
    const int size = m_rng.between(5, 8);
    const int latin = m_rng.between(1, 2);
    auto take = [&](std::vector<std::u16string_view> &from) {
        const int k = m_rng.below(int(from.size()));
        m_team.push_back(toQString(from[std::size_t(k)]));
        from.erase(from.begin() + k);
    };
    for (int i = 0; i < size - latin; ++i)
        take(zh);
    for (int i = 0; i < latin; ++i)
        take(en);
    // Some salespeople carry more accounts than others.
    std::vector<double> weights;
    for (int i = 0; i < size; ++i)
        weights.push_back(0.4 + m_rng.uniform());
    m_teamWeights = Weights::of(weights, [](double v) { return v; });
}

quint16 Generator::note(NoteKind kind, bool english)
{
    const auto [zh, en] = m_noteRanges[std::size_t(kind)];
    const quint16 end = m_noteEnds[std::size_t(kind)];
    if (english && end > en)
        return quint16(en + m_rng.below(end - en));
    return quint16(zh + m_rng.below(en - zh));
}

/// Office hours mostly, a few early or late calls; seconds of the day.
int Generator::timeOfDay(int day)
{
    int minute;
    const double x = m_rng.uniform();
    if (x < 0.36)
        minute = m_rng.between(9 * 60, 11 * 60 + 59);
    else if (x < 0.92)
        minute = m_rng.between(13 * 60 + 30, 18 * 60 + 29);
    else if (x < 0.95)
        minute = m_rng.between(8 * 60 + 30, 8 * 60 + 59);
    else
        minute = m_rng.between(18 * 60 + 30, 20 * 60 + 59);
    if (day == kToday) // the demo is opened during the day: nothing logged later than this morning
        minute = m_rng.between(8 * 60 + 30, 10 * 60 + 59);
    return minute * 60 + m_rng.below(60);
}

int Generator::followUpDays(int day, Warmth w)
{
    static const Weights common{14, 10, 18, 8, 22, 6, 12, 4, 6};
    static constexpr int offsets[] = {1, 2, 3, 5, 7, 10, 14, 21, 30};
    int off;
    switch (w) {
    case Warmth::S:
        off = m_rng.between(1, 2);
        break;
    case Warmth::A:
        off = m_rng.between(1, 5);
        break;
    default:
        off = offsets[common.pick(m_rng)];
        break;
    }
    if (dayOfWeek(day + off) == 7)
        off += off < kFollowUpHorizon ? 1 : -1;
    return off;
}

void Generator::addCall(int customer, int day, Outcome o, bool inbound, NoteKind kind, bool english, Warmth w,
                        double followUpChance)
{
    PendingCall c{};
    c.customer = customer;
    c.day = day;
    c.second = timeOfDay(day);
    c.outcome = o;
    c.inbound = inbound;
    switch (o) {
    case Outcome::Reached:
        c.duration = std::clamp(int(m_rng.logNormal(inbound ? 200 : 150, 0.8)), 15, 3600);
        c.note = m_rng.chance(0.1) ? 0 : note(kind, english);
        break;
    case Outcome::NoAnswer:
        c.duration = 0;
        c.note = m_rng.chance(0.4) ? 0 : note(NoAnswerNote, english);
        break;
    case Outcome::Voicemail:
        c.duration = m_rng.between(15, 60);
        c.note = m_rng.chance(0.4) ? 0 : note(VoicemailNote, english);
        break;
    case Outcome::Busy:
        c.duration = 0;
        c.note = m_rng.chance(0.4) ? 0 : note(BusyNote, english);
        break;
    case Outcome::WrongNumber:
        c.duration = m_rng.between(5, 40);
        c.note = m_rng.chance(0.2) ? 0 : note(WrongNote, english);
        break;
    }
    if (m_rng.chance(0.05)) // logged by hand, without a duration
        c.duration = -1;
    if (o != Outcome::WrongNumber && m_rng.chance(followUpChance))
        c.followUp = quint8(followUpDays(day, w));
    m_calls.push_back(c);
}

/// Sets m_customer.name.
NameParts Generator::makeName(Origin origin)
{
    TextBuffer name;
    NameParts parts;
    switch (origin) {
    case Origin::Chinese: {
        const Entry &s = kSurnames[m_surnames.pick(m_rng)];
        const Entry &g = kGivenNames[m_given.pick(m_rng)];
        name << s.text << g.text;
        parts = {s.ascii, g.ascii};
        break;
    }
    case Origin::EnglishNamed: {
        const Entry &e = kEnglishNames[m_english.pick(m_rng)];
        const Entry &s = kSurnames[m_surnames.pick(m_rng)];
        name << e.text << u' ';
        name.capitalized(s.ascii);
        parts = {s.ascii, e.ascii};
        break;
    }
    case Origin::Foreign: {
        const Entry &f = kLatinFirstNames[m_latinFirst.pick(m_rng)];
        const Entry &l = kLatinLastNames[m_latinLast.pick(m_rng)];
        name << f.text << u' ' << l.text;
        parts = {l.ascii, f.ascii};
        break;
    }
    }
    m_customer.name = name.toString();
    return parts;
}

QString Generator::makeCompany(Origin origin, CustomerType type, int city, int foreign,
                               std::string_view &domainWord, std::string_view &domainIndustry)
{
    TextBuffer b;
    if (type == CustomerType::Individual)
        return {};
    if (origin == Origin::Foreign) {
        const int w = m_rng.below(int(std::size(kLatinCompanyWords)));
        const Entry &ind = kLatinIndustries[m_latinIndustries.pick(m_rng)];
        if (m_rng.chance(0.2)) {
            const Entry &l = kLatinLastNames[m_latinLast.pick(m_rng)];
            b << l.text << u" & Partners";
            domainWord = l.ascii;
            domainIndustry = "partners";
        } else {
            b << kLatinCompanyWords[w] << u' ' << ind.text;
            domainWord = kLatinCompanyAscii[w];
            domainIndustry = ind.ascii;
        }
        b << u' ' << kForeign[foreign].companySuffix;
        return b.toString();
    }
    const std::u16string_view cityName = kCities[city].name;
    if (type == CustomerType::Government) {
        b << cityName << u'市' << kGovernmentBodies[m_government.pick(m_rng)].text;
        return b.toString();
    }
    const Entry &brand = kBrands[m_brands.pick(m_rng)];
    const Entry &ind = kIndustries[m_industries.pick(m_rng)];
    domainWord = brand.ascii;
    domainIndustry = ind.ascii;
    if (type == CustomerType::Channel) {
        switch (m_rng.below(4)) {
        case 0:
            b << cityName << brand.text << u"商贸有限公司";
            break;
        case 1:
            b << brand.text << ind.text << u"经销部";
            break;
        case 2:
            b << cityName << brand.text << u"批发商行";
            break;
        default:
            b << cityName << brand.text << ind.text << u"有限公司";
            break;
        }
        return b.toString();
    }
    if (m_rng.chance(0.75))
        b << cityName;
    b << brand.text << ind.text << kCompanySuffixes[m_suffixes.pick(m_rng)].text;
    return b.toString();
}

Phone Generator::makePhone(Origin origin, CustomerType type, int city, int foreign)
{
    Phone p;
    if (m_rng.chance(0.02))
        return p; // no phone on file
    if (origin == Origin::Foreign) {
        p.kind = Phone::Foreign;
        p.place = std::uint8_t(foreign);
        p.format = m_rng.chance(0.7) ? 0 : 1;
        p.number = m_rng.digits(18);
        return p;
    }
    if (m_rng.chance(profile(type).landline)) {
        p.kind = Phone::Landline;
        p.place = std::uint8_t(city);
        p.format = std::uint8_t(kLandlineFormatWeights.pick(m_rng));
        p.number = quint64(m_rng.between(2, 8)) * 10'000'000 + m_rng.digits(7);
        return p;
    }
    p.kind = Phone::Mobile;
    p.format = std::uint8_t(kMobileFormatWeights.pick(m_rng));
    p.number = quint64(kMobilePrefixes[m_rng.below(int(std::size(kMobilePrefixes)))]) * 100'000'000 +
               m_rng.digits(8);
    return p;
}

QString Generator::renderPhone(const Phone &p)
{
    TextBuffer b;
    switch (p.kind) {
    case Phone::None:
        return {};
    case Phone::Mobile: {
        const quint64 a = p.number / 100'000'000, m = p.number / 10'000 % 10'000, z = p.number % 10'000;
        switch (p.format) {
        case 0:
            b.number(p.number, 11);
            break;
        case 1:
            b.number(a, 3) << u' ';
            b.number(m, 4) << u' ';
            b.number(z, 4);
            break;
        case 2:
            b.number(a, 3) << u'-';
            b.number(m, 4) << u'-';
            b.number(z, 4);
            break;
        case 3:
            b << u"+86 ";
            b.number(a, 3) << u' ';
            b.number(m, 4) << u' ';
            b.number(z, 4);
            break;
        case 4:
            b << u"+86";
            b.number(p.number, 11);
            break;
        case 5:
            b << u"0086-";
            b.number(a, 3) << u'-';
            b.number(m, 4) << u'-';
            b.number(z, 4);
            break;
        case 6:
            b << u"+86-";
            b.number(a, 3) << u'-';
            b.number(m, 4) << u'-';
            b.number(z, 4);
            break;
        case 7:
            b << u"(+86) ";
            b.number(p.number, 11);
            break;
        default: // typed with a Chinese input method
            b.number(p.number, 11, u'\uFF10');
            break;
        }
        break;
    }
    case Phone::Landline: {
        const std::u16string_view area = kCities[p.place].areaCode;
        const quint64 hi = p.number / 10'000, lo = p.number % 10'000;
        switch (p.format) {
        case 0:
            b << area << u'-';
            b.number(p.number, 8);
            break;
        case 1:
            b << area << u' ';
            b.number(hi, 4) << u' ';
            b.number(lo, 4);
            break;
        case 2:
            b << u'(' << area << u") ";
            b.number(hi, 4) << u'-';
            b.number(lo, 4);
            break;
        case 3:
            b << area;
            b.number(p.number, 8);
            break;
        case 4:
            b << u"+86 " << area.substr(1) << u' ';
            b.number(hi, 4) << u' ';
            b.number(lo, 4);
            break;
        default:
            b << area << u'-';
            b.number(p.number, 8) << u" 转 ";
            b.number(800 + p.number % 200, 3);
            break;
        }
        break;
    }
    case Phone::Foreign: {
        quint64 digits = p.number;
        for (char16_t c : kForeign[p.place].phone) {
            if (c == u'#') {
                b << char16_t(u'0' + digits % 10);
                digits /= 10;
            } else if (p.format == 0 || c == u'+' || (c >= u'0' && c <= u'9')) {
                b << c;
            }
        }
        break;
    }
    }
    return b.toString();
}

QString Generator::makeEmail(Origin origin, CustomerType type, NameParts name, std::string_view domainWord,
                             std::string_view domainIndustry, int foreign)
{
    if (m_rng.chance(profile(type).noEmail))
        return {};
    TextBuffer b;
    // Chinese names are written family name first ("wangwei", "wang.wei"), Latin ones given name first.
    const bool chinese = origin == Origin::Chinese;
    const std::string_view one = chinese ? name.family : name.given;
    const std::string_view two = chinese ? name.given : name.family;
    // A company mailbox for most company contacts.
    if (!domainWord.empty() && type != CustomerType::Government && m_rng.chance(0.6)) {
        switch (m_rng.below(3)) {
        case 0:
            b << one << two;
            break;
        case 1:
            b << one << u'.' << two;
            break;
        default:
            b << two << u'.' << one;
            break;
        }
        b << u'@' << domainWord;
        if (origin == Origin::Foreign) {
            if (m_rng.chance(0.5))
                b << domainIndustry;
            b << u'.' << kForeign[foreign].tld;
        } else {
            if (m_rng.chance(0.5))
                b << (m_rng.chance(0.3) ? "-" : "") << domainIndustry;
            const double x = m_rng.uniform();
            b << (x < 0.5 ? ".com" : x < 0.8 ? ".com.cn" : ".cn");
        }
        return b.toString();
    }
    const std::string_view domain = origin == Origin::Foreign
                                        ? kForeignMailDomains[m_foreignDomains.pick(m_rng)].ascii
                                        : kPersonalMailDomains[m_personalDomains.pick(m_rng)].ascii;
    if (domain == "qq.com" && m_rng.chance(0.6)) { // the QQ number
        const int len = m_rng.between(6, 10);
        b.number(quint64(m_rng.between(1, 9)), 1);
        b.number(m_rng.digits(len - 1), len - 1);
    } else {
        if (!chinese && m_rng.chance(0.5))
            b << one << u'.' << two;
        else
            b << one << two;
        const double x = m_rng.uniform();
        if (x < 0.3) {
            b.number(quint64(m_rng.between(1965, 2002)), 4);
        } else if (x < 0.6) {
            const int n = m_rng.between(1, 999);
            b.number(quint64(n), digitCount(quint64(n)));
        } else if (x < 0.7) {
            b << u'_';
            b.number(quint64(m_rng.between(10, 99)), 2);
        }
    }
    b << u'@' << domain;
    QString email = b.toString();
    if (m_rng.chance(0.03)) // typed with a capital
        email[0] = email[0].toUpper();
    return email;
}

Result<void> Generator::customer(int id, int created)
{
    Random &r = m_rng;
    Customer &c = m_customer;
    c.id = id;
    c.createdAt = date(created);
    c.tags.clear();
    c.grade.reset();
    c.gradeSetAt = QDate();
    c.man = {};
    c.archived = false;

    // About 2 % are the same person (or the same switchboard) entered again.
    const Recent *original = nullptr;
    if (!m_recent.empty() && r.chance(0.02))
        original = &m_recent[std::size_t(r.below(int(m_recent.size())))];

    Origin origin;
    CustomerType type;
    int city = 0, foreign = 0;
    if (original) {
        origin = original->origin;
        type = original->type;
        city = original->city;
        foreign = original->phone.kind == Phone::Foreign ? original->phone.place : 0;
    } else {
        static const Weights origins{70, 18, 12};
        static const Weights typesCn{35, 45, 6, 14};
        static const Weights typesForeign{15, 60, 0, 25};
        origin = Origin(origins.pick(r));
        type = CustomerType((origin == Origin::Foreign ? typesForeign : typesCn).pick(r));
        if (origin == Origin::EnglishNamed && type == CustomerType::Government)
            type = CustomerType::Enterprise;
        city = m_cityWeights.pick(r);
        foreign = m_foreignWeights.pick(r);
    }
    c.type = type;
    c.city = origin == Origin::Foreign ? m_foreignCities[std::size_t(foreign)] : m_cities[std::size_t(city)];
    const bool english =
        origin == Origin::Foreign || (origin == Origin::EnglishNamed && r.chance(0.3)) || r.chance(0.05);

    const NameParts name = makeName(origin);
    std::string_view domainWord, domainIndustry;
    c.company = makeCompany(origin, type, city, foreign, domainWord, domainIndustry);
    Phone phone = makePhone(origin, type, city, foreign);
    c.email = makeEmail(origin, type, name, domainWord, domainIndustry, foreign);

    if (original) {
        if (r.chance(0.65))
            c.name = original->name;
        if (r.chance(0.75))
            c.company = original->company;
        const bool viaEmail =
            !original->email.isEmpty() && (original->phone.kind == Phone::None || r.chance(0.3));
        if (viaEmail) {
            // Same mailbox, typed differently.
            QString e = original->email;
            if (e[0].isUpper())
                e = e.toLower();
            else
                e[0] = e[0].toUpper();
            c.email = e;
        } else if (original->phone.kind != Phone::None) {
            phone = original->phone;
            if (phone.kind == Phone::Mobile)
                phone.format =
                    std::uint8_t((phone.format + 1 + r.below(kMobileFormats - 2)) % (kMobileFormats - 1));
            else if (phone.kind == Phone::Landline && phone.format < 4)
                phone.format = std::uint8_t((phone.format + 1 + r.below(3)) % 4);
            else if (phone.kind == Phone::Foreign)
                phone.format = std::uint8_t(1 - phone.format);
        }
    }
    c.phone = renderPhone(phone);
    c.owner =
        r.chance(0.02) ? QString() : m_team[std::size_t(m_teamWeights.pick(r))]; // a few in the shared pool

    {
        Recent &slot = m_recent.size() < 4096 ? m_recent.emplace_back() : m_recent[std::size_t(id % 4096)];
        slot = Recent{origin, type, city, phone, c.name, c.company, c.email};
    }

    const TypeProfile &prof = profile(type);
    const bool buyer = r.chance(original ? 0.25 : 0.71);
    const int cid = id;

    // ---- Orders
    int firstOrder = -1, lastOrder = -1, positiveOrders = 0;
    double lifetimeSpend = 0;
    bool refunded = false, churner = false;
    int stop = kToday;
    if (buyer) {
        int first = created + (r.chance(0.25) ? 0 : int(r.exponential(18)));
        if (first > kToday)
            first = created + r.below(kToday - created + 1);
        first = workday(first, created, kToday, 0.2);
        const bool oneTimer = r.chance(0.22);
        churner = !oneTimer && r.chance(0.40);
        if (churner)
            stop = std::min(kToday, first + 30 + int(r.exponential(420)));
        const double rate = prof.ordersPerYear * r.logNormal(1.0, 0.7);
        const double trend = std::clamp(0.25 * r.normal(), -1.5, 1.5); // per year, on the log of the rate
        double size = r.logNormal(1.0, 0.8);
        if (r.chance(0.015)) // a few key accounts
            size *= r.logNormal(10.0, 0.4);
        // Some reorder like clockwork (replenishment), the others whenever a need comes up.
        const bool regular = r.chance(type == CustomerType::Individual ? 0.4 : 0.7);
        const bool withProfit = r.chance(0.85);
        const qint16 margin = qint16(r.between(prof.marginLo, prof.marginHi));
        int day = first;
        for (int k = 0; k < 400; ++k) {
            const double years = (day - first) / 365.0;
            const double drift = std::exp(std::clamp(trend * years, -2.5, 2.5));
            double yuan = prof.amountMedian * size * std::sqrt(drift) * r.logNormal(1.0, 0.35);
            // Prices people write: ¥899, ¥2,380, ¥45,600.
            Cents cents;
            if (yuan < 1000)
                cents = Cents(std::max(9.0, std::round(yuan))) * 100 - (r.chance(0.3) ? 100 : 0);
            else if (yuan < 10'000)
                cents = Cents(std::round(yuan / 10)) * 1000;
            else
                cents = Cents(std::round(yuan / 100)) * 10'000;
            cents = std::max<Cents>(cents, 900);
            const bool firstOne = k == 0;
            const quint16 orderNote = r.chance(firstOne ? 0.3 : 0.12)
                                          ? note(firstOne ? FirstOrderNote : OrderNote, english)
                                          : quint16(0);
            m_orders.push_back(
                {cents, cid, day, withProfit ? qint16(margin + r.between(-30, 30)) : qint16(-1), orderNote});
            ++positiveOrders;
            lifetimeSpend += double(cents) / 100;
            lastOrder = day;
            if (firstOrder < 0)
                firstOrder = day;
            if (r.chance(0.012)) { // a refund, whole or partial
                const int refundDay = day + r.between(3, 28);
                if (refundDay <= kToday) {
                    const double share = r.chance(0.5) ? 1.0 : 0.1 + 0.5 * r.uniform();
                    const Cents back = -Cents(std::round(double(cents) * share / 100)) * 100;
                    m_orders.push_back(
                        {back, cid, refundDay, withProfit ? margin : qint16(-1), note(RefundNote, english)});
                    lifetimeSpend += double(back) / 100;
                    refunded = true;
                }
            }
            if (oneTimer)
                break;
            const double currentRate = rate * drift;
            const double gap =
                regular ? r.logNormal(365.0 / currentRate, 0.25) : r.exponential(365.0 / currentRate);
            day += std::max(1, int(std::lround(gap)));
            if (day > stop)
                break;
            day = workday(day, created, stop, 0.2);
        }
    }

    // ---- Intent grade, MAN
    std::optional<Grade> grade;
    if (buyer ? r.chance(0.20) : r.chance(0.60)) {
        static const Weights prospectGrades{4, 13, 28, 33, 22};
        static const Weights activeGrades{6, 24, 35, 25, 10};
        static const Weights inactiveGrades{0, 5, 20, 40, 35};
        const Weights &w =
            !buyer ? prospectGrades : (kToday - lastOrder < 180 ? activeGrades : inactiveGrades);
        grade = Grade(w.pick(r));
    }
    if (grade && r.chance(0.35)) {
        // Answers that agree with the grade, some left open.
        static constexpr int yesByGrade[] = {3, 3, 2, 1, 0};
        std::array<bool, 3> answers{false, false, false};
        for (int k = 0; k < yesByGrade[int(*grade)]; ++k)
            answers[std::size_t(k)] = true;
        for (int k = 2; k > 0; --k) // Fisher–Yates, with our own generator
            std::swap(answers[std::size_t(k)], answers[std::size_t(r.below(k + 1))]);
        auto open = [&](bool v) { return r.chance(0.15) ? std::optional<bool>() : std::optional<bool>(v); };
        c.man = {open(answers[0]), open(answers[1]), open(answers[2])};
    } else if (!grade && r.chance(0.20)) {
        auto answer = [&] {
            return r.chance(0.3) ? std::optional<bool>() : std::optional<bool>(r.chance(buyer ? 0.6 : 0.45));
        };
        c.man = {answer(), answer(), answer()};
        if (!c.man.anyAnswered())
            c.man.need = true;
    }
    Warmth warmth = Warmth::Cold;
    if (grade)
        warmth = Warmth(int(*grade));
    else if (c.man.anyAnswered())
        warmth = Warmth(std::clamp(3 - c.man.yesCount(), 1, 4));

    // ---- Calls
    const std::size_t callsBefore = m_calls.size();
    if (buyer) {
        static const Weights normal{50, 27, 9, 13, 1};
        static const Weights afterStop{35, 35, 15, 13, 2};
        // Selling before the first order.
        if (firstOrder - created >= 3) {
            const int k = r.between(1, 2);
            for (int i = 0; i < k; ++i) {
                const int d = workday(created + r.below(firstOrder - created), created, firstOrder, 0.2);
                addCall(cid, d, outcome(normal), false, ProspectNote, english, Warmth::B, 0.4);
            }
        }
        // Orders confirmed on the phone.
        for (std::size_t i = m_orders.size(); i-- > 0 && m_orders[i].customer == cid;) {
            if (m_orders[i].amount > 0 && r.chance(0.3)) {
                const int d = std::max(created, m_orders[i].day - r.below(3));
                const bool inbound = r.chance(0.35);
                addCall(cid, d, Outcome::Reached, inbound, inbound ? InboundNote : OrderCallNote, english,
                        Warmth::B, 0.25);
            }
        }
        // Account care, and win-back attempts after the customer stopped buying.
        const int end = churner ? std::min(kToday, stop + 30 + int(r.exponential(120))) : kToday;
        const double callsPerYear = r.logNormal(1.8, 0.6);
        int d = firstOrder + int(r.exponential(365.0 / callsPerYear));
        for (int k = 0; k < 300 && d <= end; ++k) {
            d = workday(d, created, end, 0.2);
            const bool lapsed = d > lastOrder + 120;
            const bool inbound = !lapsed && r.chance(0.12);
            const Outcome o = inbound ? Outcome::Reached : outcome(lapsed ? afterStop : normal);
            addCall(cid, d, o, inbound,
                    lapsed    ? WinBackNote
                    : inbound ? InboundNote
                              : AccountNote,
                    english, warmth, o == Outcome::Reached ? 0.5 : 0.32);
            d += std::max(1, int(std::lround(r.exponential(365.0 / callsPerYear))));
        }
    } else {
        static const Weights prospect{50, 26, 9, 10, 5};
        static const Weights coldCounts{60, 30, 10};
        int count = 0;
        int last = kToday;
        switch (warmth) {
        case Warmth::S:
        case Warmth::A:
            count = r.between(2, 6);
            last = kToday - int(r.exponential(warmth == Warmth::S ? 2 : 4));
            break;
        case Warmth::B:
            count = r.between(1, 3);
            last = kToday - int(r.exponential(10));
            break;
        case Warmth::C:
            count = r.between(1, 2);
            last = kToday - int(r.exponential(40));
            break;
        case Warmth::D:
            count = r.between(1, 2);
            last = kToday - int(r.exponential(120));
            break;
        case Warmth::Cold:
            count = coldCounts.pick(r);
            last = created + int(r.exponential(30));
            break;
        }
        last = std::clamp(last, created, kToday);
        last = workday(last, created, kToday, 0.2);
        m_scratchDays.clear();
        for (int i = 1; i < count; ++i)
            m_scratchDays.push_back(workday(created + r.below(last - created + 1), created, last, 0.2));
        std::sort(m_scratchDays.begin(), m_scratchDays.end());
        if (count > 0)
            m_scratchDays.push_back(last);
        for (std::size_t i = 0; i < m_scratchDays.size(); ++i) {
            const bool latest = i + 1 == m_scratchDays.size();
            const bool hot = warmth == Warmth::S || warmth == Warmth::A;
            Outcome o = outcome(prospect);
            if (latest && warmth <= Warmth::B)
                o = Outcome::Reached; // the conversation that set the grade
            double followUp = o == Outcome::Reached ? 0.5 : 0.32;
            if (latest) {
                static constexpr double byWarmth[] = {0.85, 0.8, 0.6, 0.35, 0.1, 0.25};
                followUp = byWarmth[int(warmth)];
            }
            addCall(cid, m_scratchDays[i], o, o == Outcome::Reached && r.chance(0.08),
                    latest && warmth == Warmth::S ? ClosingNote : ProspectNote, english,
                    hot ? warmth : Warmth::Cold, followUp);
        }
    }

    // ---- Working the queue. For the last kQueueDays the team has called each customer about when
    // TierDesk said it was due: a follow-up date if the last call set one, else the cadence. The
    // backlog from before was cleared in the first weeks; now and then a customer slips through, and
    // this morning's calls are half done. So today's queue looks like a real day's work: mostly
    // customers due today, some overdue, not thousands.
    {
        int latest = -1, followUp = -1;
        for (std::size_t i = callsBefore; i < m_calls.size(); ++i) {
            if (m_calls[i].day >= latest) {
                latest = m_calls[i].day;
                followUp = m_calls[i].followUp ? m_calls[i].day + m_calls[i].followUp : -1;
            }
        }
        // A rough cadence (classification.md §10): by grade, set or suggested by the MAN answers
        // (that is the warmth), else by how much and how lately the customer buys.
        static constexpr int byGrade[] = {1, 3, 5, 30, 90};
        const bool stopped = buyer && kToday - lastOrder > 90;
        const int cadence = warmth != Warmth::Cold                   ? byGrade[int(warmth)]
                            : !buyer                                 ? 30
                            : stopped                                ? (kToday - lastOrder > 365 ? 90 : 7)
                            : lifetimeSpend > 10 * prof.amountMedian ? 14
                                                                     : 30;
        // Hot leads have been hot for weeks, not months.
        const int window = cadence <= 5 ? 10 + 4 * cadence : kQueueDays;
        int due = followUp >= 0 ? followUp : latest >= 0 ? latest + cadence : created;
        bool backlog = false;
        if (due < kToday - window) {
            due = kToday - window + r.below(std::min(window, 30));
            backlog = true;
        }
        int previous = due;
        for (int k = 0; k < 200 && due <= kToday; ++k) {
            if (r.chance(0.0006 * std::max(1, due - previous)))
                break; // slipped through: overdue from here on
            static const Weights lateness{70, 15, 8, 4, 3};
            int day = std::max(due, created) + lateness.pick(r);
            day = workday(day, created, kToday + 7, 0.1);
            if (backlog) // the old backlog was worked off, whatever the weekday
                day = std::min(day, kToday - 1);
            backlog = false;
            if (day > kToday || (day == kToday && r.chance(0.6)))
                break; // still to do
            const bool lapsed = buyer && day > lastOrder + 120;
            static const Weights normal{55, 25, 8, 11, 1};
            static const Weights afterStop{40, 33, 14, 12, 1};
            const Outcome o = outcome(lapsed ? afterStop : normal);
            const NoteKind kind = !buyer ? ProspectNote : lapsed ? WinBackNote : AccountNote;
            const bool hot = warmth == Warmth::S || warmth == Warmth::A;
            addCall(cid, day, o, false, kind, english, hot ? warmth : Warmth::Cold,
                    o == Outcome::Reached ? 0.45 : 0.6);
            const PendingCall &made = m_calls.back();
            previous = day;
            due = made.followUp ? day + made.followUp
                                : day + std::min(cadence, o == Outcome::Reached ? cadence : 7);
        }
    }

    int lastCall = -1, lastReached = -1;
    Outcome lastOutcome = Outcome::Reached;
    for (std::size_t i = callsBefore; i < m_calls.size(); ++i) {
        const PendingCall &call = m_calls[i];
        if (call.day >= lastCall) {
            lastCall = call.day;
            lastOutcome = call.outcome;
        }
        if (call.outcome == Outcome::Reached)
            lastReached = std::max(lastReached, call.day);
    }

    if (grade) {
        c.grade = grade;
        const int lo = buyer ? firstOrder : created;
        c.gradeSetAt = date(lastReached >= lo ? lastReached : lo + r.below(kToday - lo + 1));
    }

    // ---- Tags: where the lead came from, then what the team noticed.
    if (r.chance(0.55)) {
        if (origin == Origin::Foreign) {
            static const Weights sources{40, 25, 35};
            const int s = sources.pick(r);
            c.tags << (s == 0 ? m_tagCantonFair : s == 1 ? m_tagLinkedIn : m_tagWeb);
        } else {
            static const Weights sources{20, 15, 18, 10, 7, 10};
            switch (sources.pick(r)) {
            case 0:
                c.tags << m_tagWeb;
                break;
            case 1:
                c.tags << m_tagReferral;
                break;
            case 2:
                c.tags << m_fairTags[std::size_t(
                    std::clamp(c.createdAt.year() - m_firstYear, 0, int(m_fairTags.size()) - 1))];
                break;
            case 3:
                c.tags << m_tag1688;
                break;
            case 4:
                c.tags << m_tagDouyin;
                break;
            default:
                c.tags << m_tagCold;
                break;
            }
        }
    }
    if (buyer && firstOrder <= kToday - 730 && positiveOrders >= 3 && r.chance(0.75))
        c.tags << m_tagOld;
    if (buyer && lifetimeSpend >= prof.vipSpend && r.chance(0.8))
        c.tags << m_tagVip;
    if (type == CustomerType::Channel && r.chance(0.65))
        c.tags << m_tagWholesale;
    if (!buyer && (warmth == Warmth::S || warmth == Warmth::A) && r.chance(0.55))
        c.tags << m_tagHot;
    if (!buyer && (warmth == Warmth::A || warmth == Warmth::B) && r.chance(0.2))
        c.tags << m_tagSample;
    if (r.chance(0.06))
        c.tags << m_tagPrice;
    if (buyer && (type == CustomerType::Enterprise || type == CustomerType::Government) && r.chance(0.12))
        c.tags << m_tagInvoice;
    if (refunded && r.chance(0.45))
        c.tags << m_tagComplained;

    // ---- Archived: dead numbers and long-lost accounts, now and then.
    if (lastCall >= 0 && lastOutcome == Outcome::WrongNumber && r.chance(0.6))
        c.archived = true;
    else if (buyer && lastOrder < kToday - 400 && r.chance(0.06))
        c.archived = true;
    else if (r.chance(0.004))
        c.archived = true;

    return m_bulk.addCustomer(c);
}

Result<DemoSummary> Generator::run()
{
    const int n = m_options.customers;
    DemoSummary summary;
    if (!report(0))
        return std::unexpected(cancelled());
    buildTeam();
    m_recent.reserve(4096);
    m_orders.reserve(std::size_t(n) * 4);
    m_calls.reserve(std::size_t(n) * 4);

    // Customers, in id order; their orders and calls wait in memory.
    const std::vector<int> created = creationDays();
    for (int i = 0; i < n; ++i) {
        if (auto ok = customer(i + 1, created[std::size_t(i)]); !ok)
            return std::unexpected(ok.error());
        if ((i & 1023) == 0 && !report(int(40LL * i / n)))
            return std::unexpected(cancelled());
    }
    summary.customers = n;

    // Orders, by date (a counting sort keeps each day in customer order).
    std::vector<quint32> order(m_orders.size());
    {
        std::vector<quint32> start(kToday + 2, 0);
        for (const PendingOrder &o : m_orders)
            ++start[std::size_t(o.day) + 1];
        for (std::size_t d = 1; d < start.size(); ++d)
            start[d] += start[d - 1];
        for (quint32 i = 0; i < quint32(m_orders.size()); ++i)
            order[start[std::size_t(m_orders[i].day)]++] = i;
    }
    Order o;
    for (std::size_t k = 0; k < order.size(); ++k) {
        const PendingOrder &p = m_orders[order[k]];
        o.id = qint64(k) + 1;
        o.customerId = p.customer;
        o.orderedAt = date(p.day);
        o.amount = p.amount;
        if (p.margin < 0)
            o.profit.reset();
        else
            o.profit = (p.amount * p.margin / 1000 + (p.amount >= 0 ? 50 : -50)) / 100 * 100; // whole yuan
        o.note = m_notes[p.note];
        if (auto ok = m_bulk.addOrder(o); !ok)
            return std::unexpected(ok.error());
        if ((k & 4095) == 0 && !report(40 + int(25.0 * double(k) / double(order.size()))))
            return std::unexpected(cancelled());
    }
    summary.orders = qint64(order.size());
    order = {};
    m_orders = {};

    // Calls, by time stamp; same-second calls in customer order.
    std::vector<quint32> calls(m_calls.size());
    {
        std::vector<quint32> start(kToday + 2, 0);
        for (const PendingCall &c : m_calls)
            ++start[std::size_t(c.day) + 1];
        for (std::size_t d = 1; d < start.size(); ++d)
            start[d] += start[d - 1];
        std::vector<quint32> next(start.begin(), start.end() - 1);
        for (quint32 i = 0; i < quint32(m_calls.size()); ++i)
            calls[next[std::size_t(m_calls[i].day)]++] = i;
        for (std::size_t d = 0; d + 1 < start.size(); ++d) {
            std::sort(calls.begin() + start[d], calls.begin() + start[d + 1], [this](quint32 a, quint32 b) {
                const PendingCall &x = m_calls[a], &y = m_calls[b];
                return x.second != y.second ? x.second < y.second : a < b;
            });
        }
    }
    Call call;
    for (std::size_t k = 0; k < calls.size(); ++k) {
        const PendingCall &p = m_calls[calls[k]];
        call.id = qint64(k) + 1;
        call.customerId = p.customer;
        // Wall-clock time without a zone, as the store reads it back (see model/dates.h).
        call.calledAt = QDateTime(date(p.day), QTime::fromMSecsSinceStartOfDay(p.second * 1000), Qt::UTC);
        call.direction = p.inbound ? Direction::In : Direction::Out;
        call.outcome = p.outcome;
        call.durationS = p.duration < 0 ? std::nullopt : std::optional<int>(p.duration);
        call.nextFollowUp = p.followUp ? date(p.day + p.followUp) : QDate();
        call.note = m_notes[p.note];
        if (auto ok = m_bulk.addCall(call); !ok)
            return std::unexpected(ok.error());
        if ((k & 4095) == 0 && !report(65 + int(34.0 * double(k) / double(calls.size()))))
            return std::unexpected(cancelled());
    }
    summary.calls = qint64(calls.size());
    return summary;
}

} // namespace

Result<DemoSummary> createDemo(store::Database &db, const DemoOptions &options,
                               const std::function<bool(int percent)> &progress)
{
    if (options.customers <= 0 || options.customers > maxDemoCustomers)
        return fail(QCoreApplication::translate("tierdesk::io::Demo",
                                                "A demo database has between 1 and %L1 customers.")
                        .arg(maxDemoCustomers),
                    QStringLiteral("customers = %1").arg(options.customers));
    auto existing = store::CustomerRepository(db).count();
    if (!existing)
        return std::unexpected(existing.error());
    if (*existing > 0)
        return fail(
            QCoreApplication::translate(
                "tierdesk::io::Demo",
                "This database already has customers. Demo data can only be added to an empty database."),
            QStringLiteral("%1 customers").arg(*existing));

    store::BulkImport bulk(db);
    if (auto ok = bulk.begin(); !ok)
        return std::unexpected(ok.error());
    Generator generator(bulk, options, progress);
    auto summary = generator.run();
    if (!summary)
        return summary; // the import rolls back when it goes out of scope
    if (auto ok = bulk.commit(); !ok)
        return std::unexpected(ok.error());
    // Last month's tiers, as if the team had classified at the end of it: the tier migration chart
    // has a month to compare with from the first day.
    const QDate today = options.today.isValid() ? options.today : QDate::currentDate();
    if (auto previous = classifyDatabase(db, today.addDays(-today.day()), true); !previous)
        return std::unexpected(previous.error());
    if (progress)
        progress(100);
    return summary;
}

} // namespace tierdesk::io
