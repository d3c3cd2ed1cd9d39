// Every label of the page, in English and Chinese. Elements carry data-i18n="key" (text) or
// data-i18n-title="key" (tooltip); code calls t('key').
export const dictionary = {
  en: {
    title: 'CoverageMap — planners\' map', region: 'Region', group: 'Group', minutes: 'Minutes', mode: 'Mode',
    walk: 'walk', ebike: 'e-bike', drive: 'drive', language: '中文', layers: 'Layers', legend: 'Legend',
    zoomToUnit: 'Zoom to unit', chooseUnit: '— unit —', unitLevel: 'Shade units at',
    l_units: 'Units (coverage share)', l_roads: 'Roads', l_demand: 'Demand (people)', l_stations: 'Stations',
    l_circles: 'Service circles', l_gaps: 'Gaps', l_teams: 'Volunteer teams', l_needs: 'Needs', l_public_buildings: 'Public buildings', l_recommended: 'Recommended sites',
    demandStyle: 'Demand as', dots: 'dots', heat: 'heat map',
    tabInspect: 'Inspect', tabWhatIf: 'What-if', tabRecommend: 'Recommend', tabCompare: 'Compare',
    covered: 'Covered', coveredShare: 'Covered share', population: 'Population', people: 'People',
    inspectHint: 'Click a station, unit or gap on the map.', station: 'Station', unit: 'Unit', gap: 'Gap',
    level: 'Level', status: 'Status', socialWorkers: 'Social workers', staffingRule: 'Staffing rule',
    required: 'required', passes: 'meets the rule', fails: 'below the rule', notChecked: 'no rule applies',
    catchment: 'Catchment by group', coverageByGroup: 'Coverage by group', whoLivesHere: 'Who lives here',
    toolSelect: 'Select / drag', toolAdd: 'Add station', toolRemove: 'Remove station', reset: 'Reset edits',
    saveScenario: 'Save as scenario', scenarioName: 'Scenario name', edits: 'Edits', noEdits: 'No edits yet.',
    computedIn: 'computed in', ms: 'ms', baseline: 'Baseline', current: 'Current', change: 'Change',
    whatIfHint: 'Drag a station, click the map to add one, or remove one; change minutes or mode above.',
    saved: 'Saved', scenarioApiMissing: 'The scenarios API is not available on this server.',
    model: 'Model', mclp: 'Maximal covering (MCLP)', lscp: 'Set covering (LSCP)', pmedian: 'p-median',
    p: 'New stations (p)', weights: 'Group weights', run: 'Run', running: 'Running…', cancel: 'Cancel',
    picks: 'Picks', accept: 'Accept into scenario', gained: 'people gained', objective: 'Objective',
    recommendApiMissing: 'The recommendations API is not available on this server.', weightsPending: 'Group weights: the API does not take them yet.',
    compareA: 'Left', compareB: 'Right', compareShow: 'Show side by side', compareClose: 'Close comparison',
    difference: 'Difference', scenario: 'Scenario', baselineName: 'Baseline (stored stations)', editsName: 'Current edits',
    export: 'Export', exportPng: 'View as PNG', exportGeoJson: 'Layers as GeoJSON', exportReport: 'Coverage report',
    loading: 'Loading…', error: 'Error', ready: 'Ready', stationsCount: 'stations', newStation: 'New station',
    township_station: 'township station', county_center: 'county centre', area_center: 'area centre', village_point: 'village point',
    planned: 'planned', built: 'built', operating: 'operating',
    total: 'total', elderly: 'elderly', children: 'children', disabled: 'disabled',
    county: 'county', township: 'township', village: 'village', grid: 'grid',
    share0: '0%', share100: '100%', kind: 'Kind', hours: 'Hours/week', members: 'Members', skills: 'Skills',
    supervisorsCount: 'Supervisors: {n}', supervisorsNotRecorded: 'Supervisors: not recorded', supervision: 'Supervision ratio',
    notMeasured: 'not measured', publicBuilding: 'Public building', source: 'Source',
    editStation: 'Edit station', name: 'Name', supervisors: 'Supervisors', undo: 'Undo', redo: 'Redo',
    newLevel: 'New stations: level', newStatus: 'status', scenarios: 'Saved scenarios', open: 'Open', rename: 'Rename', delete: 'Delete',
    noScenarios: 'No saved scenarios.', opened: 'Opened', deleted: 'Deleted', renamed: 'Renamed',
    refused: 'Not accepted', moreThan: 'give more than', atLeast: 'give at least', and: 'and', atMost: 'at most', lessThan: 'less than',
    // Kinds of public building as the OSM importer names them (Planner.Core/Import/OsmPublicBuildings.cs).
    pb_townhall: 'town hall', pb_government: 'government office', pb_school: 'school', pb_kindergarten: 'kindergarten',
    pb_community_centre: 'community centre', pb_social_facility: 'social facility', pb_social_centre: 'social centre',
    pb_clinic: 'clinic', pb_doctors: 'clinic', pb_hospital: 'hospital', pb_library: 'library', pb_nursing_home: 'nursing home',
  },
  zh: {
    title: '覆盖地图 — 规划图', region: '区域', group: '人群', minutes: '分钟', mode: '出行方式',
    walk: '步行', ebike: '电动车', drive: '驾车', language: 'English', layers: '图层', legend: '图例',
    zoomToUnit: '缩放到单元', chooseUnit: '— 选择单元 —', unitLevel: '分级着色',
    l_units: '行政单元（覆盖率）', l_roads: '道路', l_demand: '需求（人口）', l_stations: '社工站点',
    l_circles: '服务圈', l_gaps: '服务空白', l_teams: '志愿服务队', l_needs: '需求清单', l_public_buildings: '公共建筑', l_recommended: '推荐站址',
    demandStyle: '需求显示', dots: '点', heat: '热力图',
    tabInspect: '查看', tabWhatIf: '情景推演', tabRecommend: '选址推荐', tabCompare: '方案对比',
    covered: '已覆盖', coveredShare: '覆盖率', population: '人口', people: '人数',
    inspectHint: '在地图上点击站点、单元或空白区。', station: '站点', unit: '单元', gap: '服务空白',
    level: '级别', status: '状态', socialWorkers: '社工人数', staffingRule: '配备标准',
    required: '应配', passes: '达标', fails: '未达标', notChecked: '无适用标准',
    catchment: '服务人群', coverageByGroup: '分人群覆盖', whoLivesHere: '空白区人口',
    toolSelect: '选择/拖动', toolAdd: '新增站点', toolRemove: '撤除站点', reset: '撤销全部修改',
    saveScenario: '保存为方案', scenarioName: '方案名称', edits: '修改', noEdits: '尚无修改。',
    computedIn: '计算用时', ms: '毫秒', baseline: '现状', current: '当前', change: '变化',
    whatIfHint: '拖动站点、点击地图新增站点或撤除站点；也可在上方修改分钟数和出行方式。',
    saved: '已保存', scenarioApiMissing: '此服务器未提供方案接口。',
    model: '模型', mclp: '最大覆盖（MCLP）', lscp: '集合覆盖（LSCP）', pmedian: 'p-中位',
    p: '新增站点数（p）', weights: '人群权重', run: '运行', running: '运行中…', cancel: '取消',
    picks: '推荐结果', accept: '纳入方案', gained: '新增覆盖人数', objective: '目标值',
    recommendApiMissing: '此服务器未提供选址推荐接口。', weightsPending: '人群权重：接口暂不支持。',
    compareA: '左侧', compareB: '右侧', compareShow: '并排对比', compareClose: '关闭对比',
    difference: '差异', scenario: '方案', baselineName: '现状（已存站点）', editsName: '当前修改',
    export: '导出', exportPng: '导出视图 PNG', exportGeoJson: '导出图层 GeoJSON', exportReport: '覆盖报告',
    loading: '加载中…', error: '错误', ready: '就绪', stationsCount: '个站点', newStation: '新站点',
    township_station: '乡镇社工站', county_center: '县级总站', area_center: '片区中心站', village_point: '村服务点',
    planned: '规划中', built: '已建成', operating: '运营中',
    total: '总人口', elderly: '老年人', children: '儿童', disabled: '残疾人',
    county: '县', township: '乡镇/街道', village: '村/社区', grid: '网格',
    share0: '0%', share100: '100%', kind: '类别', hours: '每周小时', members: '成员', skills: '技能',
    supervisorsCount: '督导：{n} 名', supervisorsNotRecorded: '督导：未登记', supervision: '督导配比',
    notMeasured: '无法测算', publicBuilding: '公共建筑', source: '来源',
    editStation: '编辑站点', name: '名称', supervisors: '督导人数', undo: '撤销', redo: '重做',
    newLevel: '新站点：级别', newStatus: '状态', scenarios: '已存方案', open: '打开', rename: '重命名', delete: '删除',
    noScenarios: '尚无已存方案。', opened: '已打开', deleted: '已删除', renamed: '已重命名',
    refused: '未采纳', moreThan: '应大于', atLeast: '应不小于', and: '且', atMost: '不大于', lessThan: '小于',
    pb_townhall: '政府/街道办', pb_government: '政府机关', pb_school: '学校', pb_kindergarten: '幼儿园',
    pb_community_centre: '社区服务中心', pb_social_facility: '社会福利设施', pb_social_centre: '社会活动中心',
    pb_clinic: '诊所', pb_doctors: '诊所', pb_hospital: '医院', pb_library: '图书馆', pb_nursing_home: '养老院',
  },
};

let language = (navigator.language || 'en').toLowerCase().startsWith('zh') ? 'zh' : 'en';

/** The current language code, 'en' or 'zh'. */
export const currentLanguage = () => language;

/** The label for key in the current language (the key itself when missing, so gaps show). */
export function t(key) {
  return labelOr(key, key);
}

/** The label for key when the dictionary has one, else fallback (for data values such as a building's kind). */
export function labelOr(key, fallback) {
  // Own keys only: a data value such as "constructor" is not a label.
  const own = (d) => (Object.hasOwn(d, key) ? d[key] : undefined);
  return own(dictionary[language]) ?? own(dictionary.en) ?? fallback;
}

/** Switches the language and relabels every element that carries data-i18n or data-i18n-title. */
export function setLanguage(lang) {
  language = lang === 'zh' ? 'zh' : 'en';
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  applyLabels(document);
}

/** Relabels the elements under root. */
export function applyLabels(root) {
  root.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll('[data-i18n-title]').forEach((el) => { el.title = t(el.dataset.i18nTitle); });
  document.title = t('title');
}
