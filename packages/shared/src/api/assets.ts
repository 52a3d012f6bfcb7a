/** Request and response schemas of 工程管理 (equipment, plans, inspection tasks). */
export {};
